import { z } from "zod";
import {
  type FieldErrors,
  fieldErrorsOf,
  idFieldSchema,
  idSchema,
  jsonObjectErrors,
  MAX_DB_INTEGER,
  textSchema,
} from "@/lib/validation";
import { decodeCursor } from "./cursor";
import { CLAIM_SORTS, REVIEW_STATUSES, VERDICTS } from "./labels";
import { MIN_RATIONALE_LENGTH } from "./limits";

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A status or verdict read where the database types do not reach (raw rows, history events). */
export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export const verdictSchema = z.enum(VERDICTS);

const BAD_CURSOR = "Not a cursor this list gave (use `nextCursor` from a response as it is).";

const claimFiltersShape = {
  article: idFieldSchema("Must be an article id.").optional(),
  status: z.enum(REVIEW_STATUSES, { error: `Must be one of: ${REVIEW_STATUSES.join(", ")}.` }).optional(),
  verdict: z.enum(VERDICTS, { error: `Must be one of: ${VERDICTS.join(", ")}.` }).optional(),
  topic: textSchema("Give one topic.").trim().max(100, "At most 100 characters.").optional(),
  assignee: textSchema("Give one assignee: me, none, or a user id.")
    .trim()
    .max(100, "At most 100 characters.")
    .optional(),
  q: textSchema("Give one search text.").trim().max(200, "At most 200 characters.").optional(),
  sort: z.enum(CLAIM_SORTS, { error: `Must be one of: ${CLAIM_SORTS.join(", ")}.` }).default("position"),
};

export const claimListQuerySchema = z
  .object({
    ...claimFiltersShape,
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
    cursor: z
      .string({ error: BAD_CURSOR })
      .trim()
      .max(300, BAD_CURSOR)
      .transform(
        (text, context) => decodeCursor(text) ?? (context.addIssue({ code: "custom", message: BAD_CURSOR }), z.NEVER),
      )
      .optional(),
  })
  .superRefine((query, context) => {
    if (!query.cursor) return;
    if (query.cursor.sort !== query.sort) {
      context.addIssue({
        code: "custom",
        path: ["cursor"],
        message: `This cursor is for sort=${query.cursor.sort}: keep the sort it was given with.`,
      });
    }
    if (query.page !== 1)
      context.addIssue({ code: "custom", path: ["cursor"], message: "Give either page or cursor, not both." });
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

const VERSION_MESSAGE = "Give the claim version you saw (a whole number).";

/** The claim version the user saw: every write carries it, and a stale one is refused (409). Forms send it as text. */
export const versionSchema = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^[0-9]{1,10}$/),
    ],
    { error: VERSION_MESSAGE },
  )
  .transform(Number)
  .pipe(z.number().int(VERSION_MESSAGE).min(1, VERSION_MESSAGE).max(MAX_DB_INTEGER, VERSION_MESSAGE));

export { MIN_RATIONALE_LENGTH };
export const MAX_RATIONALE_LENGTH = 5_000;

const rationaleSchema = textSchema("The rationale must be text.")
  .trim()
  .max(MAX_RATIONALE_LENGTH, `At most ${MAX_RATIONALE_LENGTH} characters.`);

/**
 * Blank form fields mean "no change"; the API sends only what it changes. The blank reaches the
 * inner schema as undefined, so `.optional()` goes inside the preprocess, not around it.
 */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const claimPatchSchema = z.strictObject(
  {
    version: versionSchema,
    status: z.preprocess(
      blankAsUndefined,
      z
        .enum(["in_progress", "awaiting_second_review", "verified", "unreviewed"], {
          error: "Must be in_progress or awaiting_second_review.",
        })
        .optional(),
    ),
    verdict: z.preprocess(
      blankAsUndefined,
      z.enum(VERDICTS, { error: `Must be one of: ${VERDICTS.join(", ")}.` }).optional(),
    ),
    rationale: rationaleSchema.optional(),
    assigneeId: z
      .union([textSchema("Must be a user id, or null to unassign.").trim().min(1).max(100), z.null()], {
        error: "Must be a user id, or null to unassign.",
      })
      .optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : undefined),
  },
);
export type ClaimPatch = z.infer<typeof claimPatchSchema>;

export const MIN_COMMENT_LENGTH = 5;

export const reviewSchema = z
  .strictObject({
    version: versionSchema,
    decision: z.enum(["approve", "send_back"], { error: "Must be approve or send_back." }),
    comment: textSchema("The comment must be text.").trim().max(2_000, "At most 2000 characters.").optional(),
  })
  .refine((review) => review.decision !== "send_back" || (review.comment ?? "").length >= MIN_COMMENT_LENGTH, {
    path: ["comment"],
    message: `Say what needs another look (at least ${MIN_COMMENT_LENGTH} characters).`,
  });
export type ReviewInput = z.infer<typeof reviewSchema>;

export const MIN_REASON_LENGTH = 10;

export const reopenSchema = z.strictObject({
  version: versionSchema,
  reason: textSchema("Give the reason as text.")
    .trim()
    .min(MIN_REASON_LENGTH, `Give the reason for the correction (at least ${MIN_REASON_LENGTH} characters).`)
    .max(2_000, "At most 2000 characters."),
});
export type ReopenInput = z.infer<typeof reopenSchema>;

export const MIN_RETRACTION_REASON_LENGTH = 10;
export const MAX_RETRACTION_REASON_LENGTH = 1_000;

/** Retracting a published fact-check: the reason is public, shown on its page. */
export const retractSchema = z.strictObject({
  version: versionSchema,
  reason: textSchema("Give the reason as text.")
    .trim()
    .min(
      MIN_RETRACTION_REASON_LENGTH,
      `Tell readers why it is retracted (at least ${MIN_RETRACTION_REASON_LENGTH} characters).`,
    )
    .max(MAX_RETRACTION_REASON_LENGTH, `At most ${MAX_RETRACTION_REASON_LENGTH} characters.`),
});
export type RetractInput = z.infer<typeof retractSchema>;

/** The CSV export takes the list's filters and order, and exports the whole view rather than a page. */
export const claimExportQuerySchema = z.object(claimFiltersShape);
export type ClaimExportQuery = z.infer<typeof claimExportQuerySchema>;

export const duplicateLinkSchema = z.strictObject({
  version: versionSchema,
  duplicateOfId: z.union([idSchema, z.null()], {
    error: "Give the id of the verified claim this one repeats, or null to clear the mark.",
  }),
});
export type DuplicateLink = z.infer<typeof duplicateLinkSchema>;

export const startFromDuplicateSchema = z.strictObject({
  version: versionSchema,
  take: z
    .array(z.enum(["verdict", "sources"], { error: "Must be verdict or sources." }), {
      error: "Give a list: verdict, sources or both.",
    })
    .min(1, "Say what to take: verdict, sources or both.")
    .max(2, "Say what to take: verdict, sources or both."),
});
export type StartFromDuplicate = z.infer<typeof startFromDuplicateSchema>;

export const MAX_SPAN_LENGTH = 3_000;
/** A character position in an article's body (UTF-16 index, as claim offsets are stored). */
export const offsetSchema = (name: string) =>
  z.coerce
    .number({ error: `The ${name} must be a character position.` })
    .int(`The ${name} must be a whole number.`)
    .min(0, `The ${name} cannot be negative.`)
    .max(MAX_DB_INTEGER, `The ${name} is past the end of any article.`);

/** A claim's topic, as a new claim gives it and as a bulk change sets it. */
const topicSchema = textSchema("Give a topic.").trim().min(2, "Give a topic.").max(100, "At most 100 characters.");

/** A new claim: a span of the article's text (its quote is the text there) and what it claims. */
export const newClaimSchema = z
  .strictObject({
    startOffset: offsetSchema("start"),
    endOffset: offsetSchema("end"),
    statement: textSchema("Write the claim as one checkable sentence.")
      .trim()
      .min(10, "Write the claim as one checkable sentence (at least 10 characters).")
      .max(1_000, "At most 1000 characters."),
    topic: topicSchema,
    attributedTo: z.preprocess(
      blankAsUndefined,
      textSchema("Give who made the claim, as text.").trim().max(200, "At most 200 characters.").optional(),
    ),
  })
  .superRefine((claim, context) => {
    if (claim.endOffset <= claim.startOffset) {
      context.addIssue({ code: "custom", path: ["endOffset"], message: "The span must end after it starts." });
    } else if (claim.endOffset - claim.startOffset > MAX_SPAN_LENGTH) {
      context.addIssue({
        code: "custom",
        path: ["endOffset"],
        message: `A claim spans at most ${MAX_SPAN_LENGTH} characters.`,
      });
    }
  });
export type NewClaim = z.infer<typeof newClaimSchema>;

/** At most this many claims change in one bulk request, so its transaction holds few locks for a short time. */
export const MAX_BULK_ITEMS = 100;

const bulkItemsSchema = z
  .array(z.strictObject({ id: idSchema, version: versionSchema }, jsonObjectErrors), {
    error: "Give a list of { id, version }.",
  })
  .min(1, "Select at least one claim.")
  .max(MAX_BULK_ITEMS, `At most ${MAX_BULK_ITEMS} claims at once.`)
  .superRefine((items, context) => {
    const seen = new Set<number>();
    for (const { id } of items) {
      if (seen.has(id)) context.addIssue({ code: "custom", message: `Claim #${id} is listed twice: list each once.` });
      seen.add(id);
    }
  });

/**
 * One change to several claims at once, each at the version the user saw: assign them to someone,
 * release them, or file them under a topic. All or nothing.
 */
export const bulkClaimChangeSchema = z.discriminatedUnion(
  "action",
  [
    z.strictObject(
      {
        action: z.literal("assign"),
        items: bulkItemsSchema,
        assigneeId: textSchema("Choose whom to assign the claims to.")
          .trim()
          .min(1, "Choose whom to assign the claims to.")
          .max(100, "At most 100 characters."),
      },
      jsonObjectErrors,
    ),
    z.strictObject({ action: z.literal("release"), items: bulkItemsSchema }, jsonObjectErrors),
    z.strictObject({ action: z.literal("set_topic"), items: bulkItemsSchema, topic: topicSchema }, jsonObjectErrors),
  ],
  { error: (issue) => (issue.code === "invalid_union" ? "Must be assign, release or set_topic." : undefined) },
);
export type BulkClaimChange = z.infer<typeof bulkClaimChangeSchema>;
export type BulkAction = BulkClaimChange["action"];
