import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Give your email address.").max(254, "At most 254 characters."),
  password: z.string().min(1, "Give your password.").max(256, "At most 256 characters."),
  next: z.string().optional(),
});

/** Only a path on this site: an absolute or protocol-relative URL could send the user elsewhere. */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
