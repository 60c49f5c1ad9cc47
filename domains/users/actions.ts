"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "./session";
import { changeRole, createUser, setActive, setPassword } from "./mutations";
import { ROLE_LABELS, ROLES } from "./roles";
import { newUserSchema, passwordSchema } from "./schema";

const USERS_PAGE = "/admin/users";

const userIdSchema = z.string({ error: "Choose a user." }).trim().min(1, "Choose a user.").max(100, "Choose a user.");

const roleChangeSchema = z.strictObject({
  userId: userIdSchema,
  role: z.enum(ROLES, { error: `Must be one of: ${ROLES.join(", ")}.` }),
});

const activeChangeSchema = z.strictObject({
  userId: userIdSchema,
  active: z.enum(["true", "false"], { error: "Must be true or false." }).transform((value) => value === "true"),
});

const passwordSetSchema = z.strictObject({ userId: userIdSchema, password: passwordSchema });

/** A password typed in a form is never sent back to the browser, even after an error. */
const PASSWORD_NEVER_ECHOED = { neverEcho: ["password"] } as const;

export const createUserFromForm = formAction(
  newUserSchema,
  async (input, actor) => {
    await createUser(actor, input);
    revalidatePath(USERS_PAGE);
    return `Created ${input.name} (${input.email}) with the role ${ROLE_LABELS[input.role]}.`;
  },
  PASSWORD_NEVER_ECHOED,
);

export const changeRoleFromForm = formAction(roleChangeSchema, async (input, actor) => {
  const user = await changeRole(actor, input.userId, input.role);
  revalidatePath(USERS_PAGE);
  return `${user.name}'s role is now ${ROLE_LABELS[user.role]}.`;
});

export const setActiveFromForm = formAction(activeChangeSchema, async (input, actor) => {
  const user = await setActive(actor, input.userId, input.active);
  revalidatePath(USERS_PAGE);
  return user.active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out everywhere.`;
});

export const setPasswordFromForm = formAction(
  passwordSetSchema,
  async (input, actor) => {
    // No revalidatePath: the page shows nothing a password changes, and after setting their own the
    // admin is signed out, so a re-render would swap the confirmation for the sign-in page.
    const user = await setPassword(actor, input.userId, input.password);
    return input.userId === actor.id
      ? "Your password is changed and all your sessions have ended, this one too: sign in again with the new password."
      : `${user.name} has a new password and is signed out everywhere. Pass it on to them privately.`;
  },
  PASSWORD_NEVER_ECHOED,
);
