import { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/**
 * PostgreSQL cannot store a NUL character (the query fails) and would store a lone surrogate (broken
 * UTF-16, which JSON can carry) as U+FFFD: such text is refused rather than failing or being altered.
 */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** Every text input: a string PostgreSQL stores exactly as it was sent. */
export function textSchema(error: string) {
  return z.string({ error }).refine(isStorableText, "Remove the NUL characters and broken unicode from the text.");
}

/** zod issues grouped by top-level field, the shape the API returns as `fields`. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * Query strings as a plain object: blank values count as absent (an HTML form sends
 * `status=` for "all"), and a repeated key keeps every value so validation can refuse it.
 */
export function searchParamsToObject(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const entries: [string, string | string[] | undefined][] =
    params instanceof URLSearchParams
      ? [...new Set(params.keys())].map((key) => {
          const values = params.getAll(key);
          return [key, values.length === 1 ? values[0] : values];
        })
      : Object.entries(params);
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (typeof value === "string") {
      if (value.trim() !== "") result[key] = value;
    } else {
      const present = value.filter((item) => item.trim() !== "");
      if (present.length === 1) result[key] = present[0]!;
      else if (present.length > 1) result[key] = present;
    }
  }
  return result;
}

/** The largest PostgreSQL `integer`: every id, character offset and version the database stores is one. */
export const MAX_DB_INTEGER = 2_147_483_647;

/** A row id sent as a JSON number. */
export const idSchema = z.number().int().min(1).max(MAX_DB_INTEGER);

/** A row id from a form field or a query parameter, which arrive as text; `error` replaces every message. */
export function idFieldSchema(error?: string) {
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(MAX_DB_INTEGER, { error });
}

const pathIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
  .pipe(z.number().max(MAX_DB_INTEGER));

/** A database id from a path segment, or null when it cannot name a row (an unknown id, so 404). */
export function parseId(raw: string): number | null {
  const parsed = pathIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** For a request body's `z.strictObject`: an unknown field is named, and a body that is not an object says so. */
export const jsonObjectErrors = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === "unrecognized_keys"
      ? `Unknown field(s): ${issue.keys.join(", ")}.`
      : issue.code === "invalid_type"
        ? "Send a JSON object."
        : undefined,
};
