import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Give your email address.").max(254, "At most 254 characters."),
  password: z.string().min(1, "Give your password.").max(256, "At most 256 characters."),
  next: z.string().optional(),
});

/** Stands for the app's own origin, which the sign-in page need not know (behind a proxy it may not). */
const THIS_SITE = "https://this-site.invalid";

/**
 * Where sign-in may send the user back to: the path, query and fragment of `next` read as a browser
 * reads a URL on this site, or "/" when it leads elsewhere. Checking the string itself missed what the
 * URL parser does: it drops tabs and newlines ("/\t/evil.example" is "//evil.example", another host)
 * and reads a backslash as "/". What comes back is the parser's own serialisation, so it is ASCII and reads
 * the same in the Location header; a path that became "//…" once its dot segments were resolved
 * ("/.//evil.example") would read as a host there, and goes to "/" too.
 */
export function safeReturnPath(next: string | undefined): string {
  if (!next || !URL.canParse(next, THIS_SITE)) return "/";
  const url = new URL(next, THIS_SITE);
  if (url.origin !== THIS_SITE || url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
