import { z } from "zod";
import { type FieldErrors, fieldErrorsOf } from "@/lib/validation";
import { CLAIM_SORTS, REVIEW_STATUSES, VERDICTS } from "./labels";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const claimListQuerySchema = z.object({
  article: z.coerce
    .number({ error: "Must be an article id." })
    .int("Must be an article id.")
    .min(1, "Must be an article id.")
    .max(2_147_483_647, "Must be an article id.")
    .optional(),
  status: z.enum(REVIEW_STATUSES, { error: `Must be one of: ${REVIEW_STATUSES.join(", ")}.` }).optional(),
  verdict: z.enum(VERDICTS, { error: `Must be one of: ${VERDICTS.join(", ")}.` }).optional(),
  topic: z.string({ error: "Give one topic." }).trim().max(100, "At most 100 characters.").optional(),
  q: z.string({ error: "Give one search text." }).trim().max(200, "At most 200 characters.").optional(),
  sort: z.enum(CLAIM_SORTS, { error: `Must be one of: ${CLAIM_SORTS.join(", ")}.` }).default("position"),
  page: z.coerce
    .number({ error: "Must be a whole number from 1." })
    .int("Must be a whole number from 1.")
    .min(1, "Must be a whole number from 1.")
    .max(1_000_000, "At most 1000000.")
    .default(1),
  pageSize: z.coerce
    .number({ error: `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
    .int(`Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .min(1, `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .max(MAX_PAGE_SIZE, `Must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
});

export type ClaimListQuery = z.infer<typeof claimListQuerySchema>;

/**
 * For pages: a link with a bad parameter still shows the list, without that parameter,
 * and says which parameters were ignored. The API refuses such requests instead.
 */
export function parseClaimListQueryLeniently(input: Record<string, string | string[]>): {
  query: ClaimListQuery;
  ignored: FieldErrors;
} {
  const parsed = claimListQuerySchema.safeParse(input);
  if (parsed.success) return { query: parsed.data, ignored: {} };
  const ignored = fieldErrorsOf(parsed.error);
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !(key in ignored)));
  return { query: claimListQuerySchema.parse(rest), ignored };
}
