import { z } from "zod";
import { userRefSchema } from "@/domains/users/api";
import * as apiDoc from "@/lib/api-description";
import { SourceStance } from "@/lib/generated/prisma/enums";
import { claimEventActionSchema } from "./events";
import { CLAIM_SORTS, REVIEW_STATUSES, SORT_LABELS, VERDICTS } from "./labels";
import {
  bulkClaimChangeSchema,
  claimExportQuerySchema,
  claimListQuerySchema,
  claimPatchSchema,
  duplicateLinkSchema,
  MIN_COMMENT_LENGTH,
  MIN_RATIONALE_LENGTH,
  MIN_REASON_LENGTH,
  MAX_BULK_ITEMS,
  newClaimSchema,
  MAX_RETRACTION_REASON_LENGTH,
  MIN_RETRACTION_REASON_LENGTH,
  reopenSchema,
  retractSchema,
  reviewSchema,
  startFromDuplicateSchema,
} from "./schema";

const reviewStatus = z.enum(REVIEW_STATUSES);
const verdict = z.enum(VERDICTS);
/** A change's fields before or after it, as the history stored them. */
const changedFields = z.record(z.string(), z.unknown()).nullable();

/** A source as the API answers it (`sourceSelect`): listed with its claim here, changed by the sources domain. */
export const sourceSchema = z
  .strictObject({
    id: z.int(),
    claimId: z.int(),
    url: z.url().meta({
      description: "Normalised: lowercase scheme and host, no default port, a unicode host as punycode.",
    }),
    title: z.string(),
    publisher: z.string().nullable(),
    excerpt: z.string().nullable(),
    stance: z.enum(SourceStance),
    archiveUrl: z.url().nullable(),
    addedAt: apiDoc.dateTime,
    addedBy: userRefSchema,
  })
  .meta({ id: "Source" });

const correctionSchema = z
  .strictObject({
    id: z.int(),
    reason: z.string(),
    previousVerdict: verdict,
    previousRationale: z.string().nullable(),
    newVerdict: verdict.nullable(),
    newRationale: z.string().nullable(),
    reopenedAt: apiDoc.dateTime,
    resolvedAt: apiDoc.dateTime
      .nullable()
      .meta({ description: "When the corrected verdict was verified; null while it is being corrected." }),
    reopenedBy: userRefSchema,
  })
  .meta({ id: "Correction" });

const claimEventSchema = z
  .strictObject({
    id: z.int(),
    action: claimEventActionSchema,
    before: changedFields.meta({ description: "The fields the change touched, before it." }),
    after: changedFields.meta({ description: "The same fields after it (and a comment or reason when there is one)." }),
    createdAt: apiDoc.dateTime,
    actor: userRefSchema.nullable(),
  })
  .meta({ id: "ClaimEvent" });

/** The claim as every claim route answers it (app/api/claims/claim-response.ts). */
const claimSchema = z
  .strictObject({
    id: z.int(),
    articleId: z.int(),
    quote: z
      .string()
      .meta({ description: "The exact words: the article's body sliced from startOffset to endOffset." }),
    startOffset: z.int(),
    endOffset: z.int(),
    statement: z.string().meta({ description: "The claim as one checkable sentence." }),
    topic: z.string(),
    attributedTo: z.string().nullable(),
    status: reviewStatus,
    verdict,
    rationale: z.string().nullable(),
    version: z.int().meta({ description: "Send it back with every write about this claim." }),
    createdAt: apiDoc.dateTime,
    updatedAt: apiDoc.dateTime,
    proposedAt: apiDoc.dateTime.nullable(),
    verifiedAt: apiDoc.dateTime.nullable(),
    assignee: userRefSchema.nullable(),
    proposedBy: userRefSchema.nullable(),
    verifiedBy: userRefSchema.nullable(),
    retractedAt: apiDoc.dateTime
      .nullable()
      .meta({ description: "When an editor retracted the published fact-check; null while it stands." }),
    retractionReason: z.string().nullable().meta({ description: "Why it was retracted, as readers read it." }),
    retractedBy: userRefSchema.nullable(),
    duplicateOf: z
      .strictObject({ id: z.int(), statement: z.string(), status: reviewStatus, verdict })
      .nullable()
      .meta({ description: "The earlier, verified claim this one repeats, when a reviewer marked it so." }),
    corrections: z.array(correctionSchema),
    article: z.strictObject({
      id: z.int(),
      title: z.string(),
      url: z.url().nullable(),
      publisher: z.string().nullable(),
      publishedAt: apiDoc.calendarDate,
    }),
    sources: z.array(sourceSchema),
    history: z.array(claimEventSchema).meta({ description: "Every change, oldest first." }),
  })
  .meta({ id: "Claim" });

/** The 409 of every write that carries the claim's version (the `conflict` error of the claims domain). */
const conflictSchema = z
  .strictObject({
    error: z.string(),
    current: z
      .strictObject({
        version: z.int(),
        status: reviewStatus,
        verdict,
        rationale: z.string().nullable(),
        updatedAt: apiDoc.dateTime,
        assignee: userRefSchema.nullable(),
      })
      .meta({ description: "The claim as it is stored now; send its `version` with your next write." }),
    lastChange: z
      .strictObject({
        actor: userRefSchema.nullable(),
        action: claimEventActionSchema,
        at: apiDoc.dateTime,
        before: changedFields,
        after: changedFields,
      })
      .nullable()
      .meta({ description: "The latest history event of the claim: who changed what." }),
  })
  .meta({ id: "Conflict" });

export const staleVersion = apiDoc.jsonResponse(
  conflictSchema,
  "The claim changed since the `version` you sent, so nothing was saved: the answer has the values stored now (`current`) and the last change (`lastChange`).",
);

export const VERSION_RULE =
  "Send the claim `version` you saw: if the claim changed since, nothing is saved and the answer is 409 with the values stored now and the last change.";

export const claimIdPath = z.object({ id: apiDoc.pathId("The claim's id.") });

const claimListItemSchema = z
  .strictObject({
    id: z.int(),
    articleId: z.int(),
    articleTitle: z.string(),
    quote: z.string(),
    startOffset: z.int(),
    endOffset: z.int(),
    statement: z.string(),
    topic: z.string(),
    attributedTo: z.string().nullable(),
    status: reviewStatus,
    verdict,
    sourceCount: z.int(),
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable(),
    updatedAt: apiDoc.dateTime,
    version: z
      .int()
      .meta({ description: "Send it back with a change (`PATCH /api/claims/{id}`, `POST /api/claims/bulk`)." }),
  })
  .meta({ id: "ClaimListItem" });

const claimPageSchema = z
  .strictObject({
    items: z.array(claimListItemSchema),
    total: z.int().meta({ description: "Claims matching the filters, on all pages." }),
    page: z
      .int()
      .nullable()
      .meta({ description: "The page number asked for; null when the page was asked for with a cursor." }),
    pageSize: z.int(),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Send it as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "ClaimPage" });

const similarClaimsSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.int(),
      statement: z.string(),
      articleId: z.int(),
      articleTitle: z.string(),
      status: reviewStatus,
      verdict,
      similarity: z.number().min(0).max(1),
    }),
  ),
});

const FILTER_DESCRIPTIONS = {
  article: "Only the claims of this article (its id).",
  status: "Only the claims in this review status.",
  verdict: "Only the claims with this verdict.",
  topic: "Only the claims of this topic (exact match).",
  assignee: "`me`, `none` (unassigned) or a user id.",
  q: 'Search in quote and statement: whole words, stemmed ("bans" finds "banned"), or any part of a name or figure ("Sisso", "7.1").',
  sort: `The order: ${CLAIM_SORTS.map((sort) => `\`${sort}\` (${SORT_LABELS[sort].toLowerCase()})`).join(", ")}.`,
};

const claimListQuery = apiDoc.describedQuery(claimListQuerySchema, {
  ...FILTER_DESCRIPTIONS,
  page: "The page, from 1. Deep pages cost more the deeper they are: to walk the whole list, follow `nextCursor` instead.",
  pageSize: "Claims per page.",
  cursor:
    "Instead of `page`: the `nextCursor` of the previous response, as it is, with the same filters and sort. The next page then costs the same however deep it is. A cursor from another sort, or given with `page`, is refused.",
});

const claimResponse = (description: string) => apiDoc.jsonResponse(claimSchema, description);

/** The statuses every write about one claim may answer after its success, 400, 401 and 403. */
const claimWriteErrors = {
  "404": apiDoc.notFound("No claim has this id."),
  "409": staleVersion,
  "413": apiDoc.bodyTooLarge,
  "503": apiDoc.databaseUnavailable,
};

/** What a bulk change answers: each claim as the change left it (domains/claims/bulk-mutations.ts). */
const bulkChangedClaimsSchema = z
  .strictObject({
    claims: z.array(
      z.strictObject({
        id: z.int(),
        version: z.int().meta({ description: "The claim's version now: send it with the next write about it." }),
        changed: z
          .boolean()
          .meta({ description: "False where the claim already had what was asked: no new version, no history event." }),
        assignee: userRefSchema.nullable(),
        topic: z.string(),
      }),
    ),
  })
  .meta({ id: "BulkChangedClaims" });

const bulkConflictSchema = z
  .strictObject({
    error: z.string(),
    conflicts: z
      .array(z.strictObject({ id: z.int(), version: z.int().meta({ description: "The version stored now." }) }))
      .meta({ description: "Every claim sent whose version is not the one sent." }),
  })
  .meta({ id: "BulkConflict" });

export const claimsApi: apiDoc.ApiDescription = {
  tags: [
    {
      name: "Claims",
      description: "Claims: lists, search, export, and the work on one claim (assignment, verdict, proposal).",
    },
    { name: "Review", description: "The second review of a proposed verdict, and corrections of verified ones." },
  ],
  operations: [
    {
      path: "/api/articles/{id}/claims",
      method: "post",
      operation: {
        operationId: "createClaim",
        tags: ["Claims"],
        summary: "Add a claim on a span of the article",
        description:
          "Editors and admins: an accepted suggestion or any span of the text. The span is narrowed to exclude surrounding whitespace and the claim's `quote` is the body's text there. A span already claimed exactly is refused.",
        requestParams: { path: z.object({ id: apiDoc.pathId("The article's id.") }) },
        requestBody: apiDoc.jsonBody(newClaimSchema),
        responses: {
          "201": claimResponse("The new claim (unreviewed)."),
          "400": apiDoc.badRequest("Invalid claim, a span past the end of the text, or a span already claimed."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("You are not an editor or admin."),
          "404": apiDoc.notFound("No article has this id."),
          "413": apiDoc.bodyTooLarge,
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/claims",
      method: "get",
      operation: {
        operationId: "listClaims",
        tags: ["Claims"],
        summary: "List claims",
        description:
          "One page of claims, filtered, searched and sorted. Blank parameters count as absent; a bad value, or a parameter given twice, is refused with 400 naming it. Any signed-in user.",
        requestParams: { query: claimListQuery },
        responses: {
          "200": apiDoc.jsonResponse(claimPageSchema, "The page of claims and how many match in all."),
          "400": apiDoc.badRequest("Invalid query parameters."),
          "401": apiDoc.unauthorized,
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/claims/export.csv",
      method: "get",
      operation: {
        operationId: "exportClaims",
        tags: ["Claims"],
        summary: "Export claims as CSV",
        description:
          "Every claim matching the same filters, search and order as the list, all at once (no pages), as CSV. Any signed-in user.",
        requestParams: { query: apiDoc.describedQuery(claimExportQuerySchema, FILTER_DESCRIPTIONS) },
        responses: {
          "200": {
            description:
              "The claims, one row each after a header row, as a file to save (`Content-Disposition: attachment`, named after the filters).",
            content: { "text/csv": { schema: z.string() } },
          },
          "400": apiDoc.badRequest("Invalid query parameters."),
          "401": apiDoc.unauthorized,
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/claims/{id}",
      method: "get",
      operation: {
        operationId: "getClaim",
        tags: ["Claims"],
        summary: "Get a claim",
        description:
          "The claim with its article (without the text), sources, corrections and full history. Its `version` goes with every write about it. Any signed-in user.",
        requestParams: { path: claimIdPath },
        responses: {
          "200": claimResponse("The claim."),
          "401": apiDoc.unauthorized,
          "404": apiDoc.notFound("No claim has this id."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/claims/{id}",
      method: "patch",
      operation: {
        operationId: "updateClaim",
        tags: ["Claims"],
        summary: "Assign, edit, start, propose or withdraw",
        description: [
          `Send only what changes. ${VERSION_RULE}`,
          [
            "- `assigneeId`: reviewers take an unassigned claim (their own id) or release their own (`null`); editors and admins assign any active user.",
            "- `status: in_progress` starts work (a reviewer who starts an unassigned claim takes it), or withdraws a proposed verdict (its proposer or an editor).",
            `- \`status: awaiting_second_review\` proposes the verdict for a second review: the claim must be in progress, with a verdict, a rationale of at least ${MIN_RATIONALE_LENGTH} characters and at least one source (except for "not a claim").`,
            "- `verdict` and `rationale` change only while the claim is unreviewed or in progress, by its assignee or an editor.",
          ].join("\n"),
          "A claim becomes verified only through the second review (POST /api/claims/{id}/review); a verified claim changes only after an editor reopens it.",
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(claimPatchSchema),
        responses: {
          "200": claimResponse("The claim after the change."),
          "400": apiDoc.badRequest(
            "Invalid change, nothing to change, or a verdict not ready to propose (the verdict, rationale or sources at fault).",
          ),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite(
            "Not allowed: the claim is someone else's, a reviewer assigning another user, a verdict awaiting review or verified, `status: verified` (that is the review's), or proposing a claim that is not in progress.",
          ),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/review",
      method: "post",
      operation: {
        operationId: "reviewClaim",
        tags: ["Review"],
        summary: "Approve or send back a proposed verdict",
        description: [
          `The second review of a verdict awaiting it, by anyone signed in except its proposer: \`approve\` verifies it; \`send_back\` returns it to in progress and needs a \`comment\` of at least ${MIN_COMMENT_LENGTH} characters. Approving a reopened claim completes its correction.`,
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(reviewSchema),
        responses: {
          "200": claimResponse("The claim after the review."),
          "400": apiDoc.badRequest("Invalid review (a comment is required to send back)."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("The claim is not awaiting a second review, or you proposed its verdict."),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/reopen",
      method: "post",
      operation: {
        operationId: "reopenClaim",
        tags: ["Review"],
        summary: "Reopen a verified claim for a correction",
        description: [
          `Editors and admins only. A verified claim goes back to in progress with a \`reason\` of at least ${MIN_REASON_LENGTH} characters; the reopening and the verdict it gets when verified again are a correction, shown on the claim and in the corrections log.`,
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(reopenSchema),
        responses: {
          "200": claimResponse("The claim, in progress again."),
          "400": apiDoc.badRequest("Invalid reopening."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("You are not an editor or admin, or the claim is not verified."),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/retract",
      method: "post",
      operation: {
        operationId: "retractClaim",
        tags: ["Review"],
        summary: "Retract a published fact-check",
        description: [
          `Editors and admins only. A verified claim's publication is withdrawn with a public \`reason\` (${MIN_RETRACTION_REASON_LENGTH} to ${MAX_RETRACTION_REASON_LENGTH} characters, trimmed): its public page then says it was retracted, when and why; its ClaimReview answers 410 Gone; the index, feeds and sitemap leave it out. The claim stays verified on the desk. A retraction is final: a retracted claim is neither reopened nor retracted again.`,
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(retractSchema),
        responses: {
          "200": claimResponse("The claim, with `retractedAt`, `retractionReason` and `retractedBy`."),
          "400": apiDoc.badRequest("Invalid retraction (a reason of 10 to 1000 characters is required)."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite(
            "You are not an editor or admin, or the claim is not verified or already retracted.",
          ),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/similar",
      method: "get",
      operation: {
        operationId: "listSimilarClaims",
        tags: ["Claims"],
        summary: "Earlier fact-checks that read like this claim",
        description:
          "Up to 5 verified claims (retracted ones left out) whose statement is similar to this one's (PostgreSQL pg_trgm similarity of at least 0.3), best first, with their verdict: one can be marked as the original (PUT /api/claims/{id}/duplicate). Any signed-in user.",
        requestParams: { path: claimIdPath },
        responses: {
          "200": apiDoc.jsonResponse(similarClaimsSchema, "The similar claims."),
          "401": apiDoc.unauthorized,
          "404": apiDoc.notFound("No claim has this id."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/claims/{id}/duplicate",
      method: "put",
      operation: {
        operationId: "markDuplicate",
        tags: ["Review"],
        summary: "Mark a claim as a duplicate of a verified one, or clear the mark",
        description: [
          "`duplicateOfId`: the id of an earlier, verified claim this one repeats, or `null` to clear the mark. The claim must be unreviewed or in progress; its assignee or an editor. Nothing is copied: take the earlier verdict or sources with POST /api/claims/{id}/duplicate/start.",
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(duplicateLinkSchema),
        responses: {
          "200": claimResponse("The claim with its mark."),
          "400": apiDoc.badRequest("Invalid mark, an unknown claim, or a claim that is not verified."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("The claim is someone else's, or not open (awaiting review or verified)."),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/duplicate/start",
      method: "post",
      operation: {
        operationId: "startFromDuplicate",
        tags: ["Review"],
        summary: "Start from the verdict or sources of the claim this one duplicates",
        description: [
          "`take`: `verdict` (its verdict and rationale become this claim's draft, to propose and approve here as usual), `sources` (its sources not yet attached are attached), or both, in one transaction. The claim must be marked as a duplicate and in progress; its assignee or an editor.",
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(startFromDuplicateSchema),
        responses: {
          "200": claimResponse("The claim with what it took."),
          "400": apiDoc.badRequest("Invalid request, or the claim is not marked as a duplicate."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("The claim is someone else's, or not in progress."),
          ...claimWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/bulk",
      method: "post",
      operation: {
        operationId: "changeClaimsInBulk",
        tags: ["Claims"],
        summary: "Assign, release or set the topic of several claims at once",
        description: [
          `Editors and admins. \`action\`: \`assign\` (to \`assigneeId\`, an active user), \`release\` (to nobody) or \`set_topic\` (to \`topic\`), for up to ${MAX_BULK_ITEMS} claims in \`items\`, each with the \`version\` you saw. Each claim gets the same rule and the same history event as the change would give it one at a time; a claim that already has what is asked is left as it is.`,
          "All or nothing, in one transaction: if any claim changed since the version sent, nothing is saved and the answer is 409 listing every such claim with its version now; if the rules refuse any claim, nothing is saved and the 403 names it.",
        ].join("\n\n"),
        requestBody: apiDoc.jsonBody(bulkClaimChangeSchema),
        responses: {
          "200": apiDoc.jsonResponse(bulkChangedClaimsSchema, "Every claim sent, as the change left it, in id order."),
          "400": apiDoc.badRequest("Invalid change, an inactive assignee, or a claim id that names no claim."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("You are not an editor or admin, or a claim's rule refuses its change."),
          "409": apiDoc.jsonResponse(
            bulkConflictSchema,
            "Some claims changed since the versions sent, so nothing was saved: `conflicts` lists them with their versions now.",
          ),
          "413": apiDoc.bodyTooLarge,
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
  ],
};
