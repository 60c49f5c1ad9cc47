import { z } from "zod";
import { textSchema } from "@/lib/validation";
import { MIN_PASSWORD_LENGTH } from "./limits";
import { ROLES } from "./roles";

export { MIN_PASSWORD_LENGTH };

const emailSchema = textSchema("Give an email address.")
  .trim()
  .toLowerCase()
  .pipe(z.email("Give a valid email address.").max(254, "At most 254 characters."));

/** The rules of every password the desk stores: set when a user is created, or set again later. */
export const passwordSchema = textSchema("Give a password.")
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "At most 256 characters.");

/** A user's role, as the forms send it and as stored rows and Better Auth's session give it back. */
export const roleSchema = z.enum(ROLES, { error: `Must be one of: ${ROLES.join(", ")}.` });

export const newUserSchema = z.strictObject({
  name: textSchema("Give a name.").trim().min(1, "Give a name.").max(120, "At most 120 characters."),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type NewUser = z.infer<typeof newUserSchema>;

/** A new password for the user with this email (`npm run user:set-password`). */
export const passwordByEmailSchema = z.strictObject({ email: emailSchema, password: passwordSchema });
