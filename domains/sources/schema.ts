import { z } from "zod";
import { versionSchema } from "@/domains/claims/schema";
import { SourceStance } from "@/lib/generated/prisma/enums";
import { jsonObjectErrors, parseId, textSchema } from "@/lib/validation";
import { MAX_EXCERPT_LENGTH, MAX_TITLE_LENGTH } from "./limits";

export { MAX_EXCERPT_LENGTH, MAX_TITLE_LENGTH };

const SOURCE_STANCES = Object.values(SourceStance);

const MAX_URL_LENGTH = 2_048;
const MAX_PUBLISHER_LENGTH = 200;

const URL_TOO_LONG = `At most ${MAX_URL_LENGTH} characters.`;

/** At least two non-empty labels ("example.org"), optionally with the root's trailing dot. */
const DOTTED_HOST = /^[^.]+(\.[^.]+)+\.?$/;

function isLocalhost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost");
}

/**
 * The WHATWG form of a public http(s) address, or an issue saying what is wrong with it. The stored
 * form is `URL.href`: scheme and host lowercased, default port dropped, and a unicode host as its
 * punycode (`xn--…`), so a look-alike host shows for what it is.
 */
function normaliseWebUrl(text: string, context: z.RefinementCtx<string>): string {
  const refuse = (message: string) => {
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (/[\s\u0000-\u001f\u007f]/.test(text))
    return refuse("A URL cannot contain spaces, line breaks or control characters.");
  // The URL parser would turn a lone surrogate into an encoded U+FFFD: the link stored would not be the one given.
  if (!text.isWellFormed()) return refuse("A URL cannot contain broken unicode.");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("Give the full address, starting with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return refuse("Only http:// and https:// addresses are accepted.");
  if (url.username !== "" || url.password !== "") return refuse("Remove the user name and password from the address.");
  const isIpv6 = url.hostname.startsWith("[");
  if (isLocalhost(url.hostname) || (!isIpv6 && !DOTTED_HOST.test(url.hostname))) {
    return refuse("Give a public address: a domain name such as example.org, or an IP address.");
  }
  if (url.href.length > MAX_URL_LENGTH) return refuse(URL_TOO_LONG);
  return url.href;
}

/** The one rule for every link a user gives (a source's url, its archive copy), in the API and in forms. */
export const webUrlSchema = z
  .string({ error: "Give the URL as text." })
  .trim()
  .min(1, "Give the URL.")
  .max(MAX_URL_LENGTH, URL_TOO_LONG)
  .transform(normaliseWebUrl);

const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** An optional link: blank or null means none. */
export const optionalWebUrlSchema = z.preprocess(blankAsNull, webUrlSchema.nullable());

/** Optional text: blank or null means none. */
function optionalTextSchema(what: string, max: number) {
  return textSchema(`Give the ${what} as text, or null for none.`)
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .transform((value) => (value === "" ? null : value));
}

const sourceFieldsShape = {
  url: webUrlSchema,
  title: textSchema("Give the title as text.")
    .trim()
    .min(1, "Give the source's title.")
    .max(MAX_TITLE_LENGTH, `At most ${MAX_TITLE_LENGTH} characters.`),
  publisher: optionalTextSchema("publisher", MAX_PUBLISHER_LENGTH).optional(),
  excerpt: optionalTextSchema("excerpt", MAX_EXCERPT_LENGTH).optional(),
  stance: z.enum(SOURCE_STANCES, { error: `Choose the stance: ${SOURCE_STANCES.join(", ")}.` }),
  archiveUrl: optionalWebUrlSchema.optional(),
};

/** POST: adding cannot overwrite anything, so the version is optional; when given, a stale one is refused. */
export const newSourceSchema = z.strictObject(
  { version: versionSchema.optional(), ...sourceFieldsShape },
  jsonObjectErrors,
);
export type NewSource = z.infer<typeof newSourceSchema>;

/** PATCH: the version the user saw, and only the fields that change. */
export const sourcePatchSchema = z.strictObject(
  {
    version: versionSchema,
    url: sourceFieldsShape.url.optional(),
    title: sourceFieldsShape.title.optional(),
    publisher: sourceFieldsShape.publisher,
    excerpt: sourceFieldsShape.excerpt,
    stance: sourceFieldsShape.stance.optional(),
    archiveUrl: sourceFieldsShape.archiveUrl,
  },
  jsonObjectErrors,
);
export type SourcePatch = z.infer<typeof sourcePatchSchema>;

export const sourceRemovalSchema = z.strictObject({ version: versionSchema }, jsonObjectErrors);

export type SourceUpdate = SourcePatch & { sourceId: number };
export type SourceRemoval = z.infer<typeof sourceRemovalSchema> & { sourceId: number };

/** Hidden form fields naming a claim or a source; only a tampered form gets them wrong. */
const formIdSchema = z.string({ error: "Reload the page and try again." }).transform((raw, context) => {
  const id = parseId(raw);
  if (id === null) {
    context.addIssue({ code: "custom", message: "Reload the page and try again." });
    return z.NEVER;
  }
  return id;
});

export const addSourceFormSchema = newSourceSchema.extend({ claimId: formIdSchema });
export const editSourceFormSchema = sourcePatchSchema.extend({ claimId: formIdSchema, sourceId: formIdSchema });
export const removeSourceFormSchema = sourceRemovalSchema.extend({ claimId: formIdSchema, sourceId: formIdSchema });
