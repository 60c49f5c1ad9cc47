import { z } from "zod";
import { ARTICLE_LANGUAGES, MAX_BODY_LENGTH } from "@/domains/articles/limits";
import { newArticleRequestSchema } from "@/domains/articles/schema";
import { EVENT_LABELS } from "@/domains/claims/events";
import { CLAIM_SORTS, REVIEW_STATUSES, SORT_LABELS, VERDICT_LABELS, VERDICTS } from "@/domains/claims/labels";
import {
  claimExportQuerySchema,
  claimListQuerySchema,
  duplicateLinkSchema,
  newClaimSchema,
  startFromDuplicateSchema,
  claimPatchSchema,
  MIN_COMMENT_LENGTH,
  MIN_RATIONALE_LENGTH,
  MIN_REASON_LENGTH,
  reopenSchema,
  reviewSchema,
} from "@/domains/claims/schema";
import { BEST_RATING, VERDICT_RATINGS, WORST_RATING } from "@/domains/publishing/rating";
import { newSourceSchema, sourcePatchSchema, sourceRemovalSchema } from "@/domains/sources/schema";
import { dismissalSchema } from "@/domains/suggestions/schema";
import { signInSchema } from "@/domains/users/auth-schema";
import { ROLES } from "@/domains/users/roles";
import { SourceStance } from "@/lib/generated/prisma/enums";
import packageJson from "@/package.json";

/** A JSON Schema 2020-12 object: the dialect of OpenAPI 3.1 schema objects. */
export type SchemaObject = z.core.JSONSchema.JSONSchema;
/** Where JSON Schema allows `true` (anything) and `false` (nothing) as well. */
export type Schema = z.core.JSONSchema._JSONSchema;

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const TAGS = ["Articles", "Claims", "Sources", "Review", "Publishing", "Auth"] as const;
export type TagName = (typeof TAGS)[number];

export type SecurityRequirement = Record<string, string[]>;

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string;
  schema: Schema;
}

export interface OpenApiMediaType {
  schema: Schema;
}

export interface OpenApiRequestBody {
  required: boolean;
  content: Record<string, OpenApiMediaType>;
}

export interface OpenApiHeader {
  description: string;
  schema: SchemaObject;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, OpenApiHeader>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  tags: [TagName];
  summary: string;
  description: string;
  security?: SecurityRequirement[];
  parameters?: OpenApiParameter[];
  requestBody?: OpenApiRequestBody;
  responses: Record<string, OpenApiResponse>;
}

export type OpenApiPathItem = Partial<Record<HttpMethod, OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: TagName; description: string }[];
  security: SecurityRequirement[];
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, { type: "apiKey"; in: "cookie"; name: string; description: string }>;
  };
}

export interface DocumentedOperation {
  path: string;
  method: HttpMethod;
  operation: OpenApiOperation;
}

/** Every operation of the document, in its order. */
export function listOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
}

const SESSION_COOKIE = "better-auth.session_token";
const PUBLIC: SecurityRequirement[] = [];

/**
 * What clients send is the input side of each schema: `z.coerce.number()` reads a query string,
 * `versionSchema` takes a number or digits, a preprocess or transform is described by what it
 * accepts. Unrepresentable parts (custom refinements) become "anything" rather than throwing.
 */
const ZOD_JSON_SCHEMA_OPTIONS = { io: "input", unrepresentable: "any", target: "draft-2020-12" } as const;

function inputSchema(schema: z.ZodType): SchemaObject {
  const jsonSchema: SchemaObject = z.toJSONSchema(schema, ZOD_JSON_SCHEMA_OPTIONS);
  // OpenAPI 3.1 already declares the 2020-12 dialect for the whole document.
  delete jsonSchema.$schema;
  return jsonSchema;
}

function jsonBody(schema: z.ZodType): OpenApiRequestBody {
  return { required: true, content: { "application/json": { schema: inputSchema(schema) } } };
}

function queryParameters<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  descriptions: Record<keyof Shape, string>,
): OpenApiParameter[] {
  const jsonSchema = inputSchema(schema);
  const required = new Set(jsonSchema.required);
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    description: descriptions[name as keyof Shape],
    schema: property,
  }));
}

const CLAIM_LIST_PARAMETERS: Record<keyof typeof claimListQuerySchema.shape, string> = {
  article: "Only the claims of this article (its id).",
  status: "Only the claims in this review status.",
  verdict: "Only the claims with this verdict.",
  topic: "Only the claims of this topic (exact match).",
  assignee: "`me`, `none` (unassigned) or a user id.",
  q: 'Search in quote and statement: whole words, stemmed ("bans" finds "banned"), or any part of a name or figure ("Sisso", "7.1").',
  sort: `The order: ${CLAIM_SORTS.map((sort) => `\`${sort}\` (${SORT_LABELS[sort].toLowerCase()})`).join(", ")}.`,
  page: "The page, from 1. Deep pages cost more the deeper they are: to walk the whole list, follow `nextCursor` instead.",
  pageSize: "Claims per page.",
  cursor:
    "Instead of `page`: the `nextCursor` of the previous response, as it is, with the same filters and sort. The next page then costs the same however deep it is. A cursor from another sort, or given with `page`, is refused.",
};

function pathId(name: string, description: string): OpenApiParameter {
  return {
    name,
    in: "path",
    required: true,
    description: `${description} A malformed or unknown id answers 404.`,
    schema: { type: "integer", minimum: 1, maximum: 2_147_483_647 },
  };
}

const articleIdParameter = pathId("id", "The article's id.");
const claimIdParameter = pathId("id", "The claim's id.");
const sourceIdParameter = pathId("sourceId", "The source's id, on this claim.");

function ref(name: string): SchemaObject {
  return { $ref: `#/components/schemas/${name}` };
}

function nullable(schema: SchemaObject): SchemaObject {
  return { anyOf: [schema, { type: "null" }] };
}

function arrayOf(schema: SchemaObject): SchemaObject {
  return { type: "array", items: schema };
}

/** An object whose properties are all present (some of them null), unless listed as optional. */
function record(properties: Record<string, SchemaObject>, optional: string[] = []): SchemaObject {
  return {
    type: "object",
    properties,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
  };
}

const text: SchemaObject = { type: "string" };
const integer: SchemaObject = { type: "integer" };
const dateTime: SchemaObject = { type: "string", format: "date-time" };
const calendarDate: SchemaObject = { type: "string", format: "date" };
const uri: SchemaObject = { type: "string", format: "uri" };
const reviewStatus: SchemaObject = { type: "string", enum: REVIEW_STATUSES };
const verdict: SchemaObject = { type: "string", enum: VERDICTS };
const anyObject: SchemaObject = { type: "object", additionalProperties: true };

function json(schema: SchemaObject, description: string, mediaType = "application/json"): OpenApiResponse {
  return { description, content: { [mediaType]: { schema } } };
}

function errorResponse(description: string): OpenApiResponse {
  return json(ref("Error"), description);
}

function authErrorResponse(description: string): OpenApiResponse {
  return json(ref("AuthError"), description);
}

function badRequest(what: string): OpenApiResponse {
  return errorResponse(
    `${what} \`fields\` names each field at fault and says why; unknown fields and missing or broken JSON are refused.`,
  );
}

function forbiddenWrite(reasons: string): OpenApiResponse {
  return errorResponse(
    `${reasons} Also any write sent from a page of another site (an \`Origin\` that is not this host).`,
  );
}

function notFound(what: string): OpenApiResponse {
  return errorResponse(`${what} A malformed id is a 404 too.`);
}

const unauthorized = errorResponse(
  "Not signed in, or the session has ended (a deactivated user's sessions end at once).",
);
const databaseUnavailable = errorResponse("The database is unavailable: try again in a few seconds.");
const bodyTooLarge = errorResponse("The request body is larger than 1 MB.");
const staleVersion = json(
  ref("Conflict"),
  "The claim changed since the `version` you sent, so nothing was saved: the answer has the values stored now (`current`) and the last change (`lastChange`).",
);

const userRef = record({ id: text, name: text });

const sourceProperties: Record<string, SchemaObject> = {
  id: integer,
  url: { ...uri, description: "Normalised: lowercase scheme and host, no default port, a unicode host as punycode." },
  title: text,
  publisher: nullable(text),
  excerpt: nullable(text),
  stance: { type: "string", enum: Object.values(SourceStance) },
  archiveUrl: nullable(uri),
  addedAt: dateTime,
  addedBy: ref("UserRef"),
};

const party = (types: string[]): SchemaObject =>
  record({ "@type": { type: "string", enum: types }, name: text, url: uri }, ["url"]);

const unnumberedVerdicts = Object.entries(VERDICT_RATINGS)
  .filter(([, rating]) => rating === null)
  .map(([unnumbered]) => VERDICT_LABELS[unnumbered as keyof typeof VERDICT_LABELS].toLowerCase());

const SCHEMAS: Record<string, SchemaObject> = {
  Error: {
    type: "object",
    properties: {
      error: { type: "string", description: "What went wrong, in a sentence a person can act on." },
      fields: {
        type: "object",
        description: "For invalid input: each field at fault (`_` for the body as a whole) with what is wrong with it.",
        additionalProperties: arrayOf(text),
      },
    },
    required: ["error"],
  },
  Conflict: record({
    error: text,
    current: {
      ...record({
        version: integer,
        status: reviewStatus,
        verdict,
        rationale: nullable(text),
        updatedAt: dateTime,
        assignee: nullable(ref("UserRef")),
      }),
      description: "The claim as it is stored now; send its `version` with your next write.",
    },
    lastChange: nullable({
      ...record({
        actor: nullable(ref("UserRef")),
        action: text,
        at: dateTime,
        before: nullable(anyObject),
        after: nullable(anyObject),
      }),
      description: "The latest history event of the claim: who changed what.",
    }),
  }),
  AuthError: {
    ...record({
      code: { type: "string", description: "For example INVALID_EMAIL_OR_PASSWORD, TOO_MANY_ATTEMPTS." },
      message: text,
    }),
    description: "Errors of the sign-in endpoints, in Better Auth's format.",
  },
  UserRef: userRef,
  ArticleSummary: record({
    id: integer,
    title: text,
    publisher: nullable(text),
    publishedAt: calendarDate,
    claimCount: integer,
    verifiedCount: integer,
  }),
  ArticleList: record({ items: arrayOf(ref("ArticleSummary")) }),
  ArticleClaim: record({
    id: integer,
    quote: text,
    startOffset: integer,
    endOffset: integer,
    statement: text,
    topic: text,
    status: reviewStatus,
    verdict,
  }),
  Article: record({
    id: integer,
    slug: text,
    title: text,
    url: nullable(uri),
    publisher: nullable(text),
    issue: nullable(text),
    author: nullable(text),
    credit: nullable(text),
    publishedAt: calendarDate,
    language: text,
    body: { type: "string", description: "The article verbatim: claim offsets index into it." },
    claims: arrayOf(ref("ArticleClaim")),
  }),
  ClaimListItem: record({
    id: integer,
    articleId: integer,
    articleTitle: text,
    quote: text,
    startOffset: integer,
    endOffset: integer,
    statement: text,
    topic: text,
    attributedTo: nullable(text),
    status: reviewStatus,
    verdict,
    sourceCount: integer,
    assigneeId: nullable(text),
    assigneeName: nullable(text),
    updatedAt: dateTime,
  }),
  ClaimPage: record({
    items: arrayOf(ref("ClaimListItem")),
    total: { type: "integer", description: "Claims matching the filters, on all pages." },
    page: {
      ...nullable(integer),
      description: "The page number asked for; null when the page was asked for with a cursor.",
    },
    pageSize: integer,
    nextCursor: { ...nullable(text), description: "Send it as `cursor` for the next page; null on the last page." },
  }),
  Source: record(sourceProperties),
  SourceChange: {
    ...record({ ...sourceProperties, claimId: integer, claimVersion: integer }),
    description: "The source and the claim's new `version` (`claimVersion`), to send with the next write.",
  },
  SourceRemoved: record({ id: integer, claimVersion: integer }),
  Correction: record({
    id: integer,
    reason: text,
    previousVerdict: verdict,
    previousRationale: nullable(text),
    newVerdict: nullable(verdict),
    newRationale: nullable(text),
    reopenedAt: dateTime,
    resolvedAt: {
      ...nullable(dateTime),
      description: "When the corrected verdict was verified; null while it is being corrected.",
    },
    reopenedBy: ref("UserRef"),
  }),
  ClaimEvent: record({
    id: integer,
    action: { type: "string", description: `One of: ${Object.keys(EVENT_LABELS).join(", ")}.` },
    before: { ...nullable(anyObject), description: "The fields the change touched, before it." },
    after: {
      ...nullable(anyObject),
      description: "The same fields after it (and a comment or reason when there is one).",
    },
    createdAt: dateTime,
    actor: nullable(ref("UserRef")),
  }),
  Claim: record({
    id: integer,
    articleId: integer,
    quote: { type: "string", description: "The exact words: the article's body sliced from startOffset to endOffset." },
    startOffset: integer,
    endOffset: integer,
    statement: { type: "string", description: "The claim as one checkable sentence." },
    topic: text,
    attributedTo: nullable(text),
    status: reviewStatus,
    verdict,
    rationale: nullable(text),
    version: { type: "integer", description: "Send it back with every write about this claim." },
    createdAt: dateTime,
    updatedAt: dateTime,
    proposedAt: nullable(dateTime),
    verifiedAt: nullable(dateTime),
    assignee: nullable(ref("UserRef")),
    proposedBy: nullable(ref("UserRef")),
    verifiedBy: nullable(ref("UserRef")),
    duplicateOf: {
      ...nullable(record({ id: integer, statement: text, status: reviewStatus, verdict })),
      description: "The earlier, verified claim this one repeats, when a reviewer marked it so.",
    },
    corrections: arrayOf(ref("Correction")),
    article: record({
      id: integer,
      title: text,
      url: nullable(uri),
      publisher: nullable(text),
      publishedAt: calendarDate,
    }),
    sources: arrayOf(ref("Source")),
    history: { ...arrayOf(ref("ClaimEvent")), description: "Every change, oldest first." },
  }),
  ClaimReview: {
    ...record({
      "@context": { const: "https://schema.org" },
      "@type": { const: "ClaimReview" },
      url: { ...uri, description: "The public page of this fact-check." },
      claimReviewed: { type: "string", description: "The claim as one checkable sentence." },
      datePublished: { ...calendarDate, description: "When the verdict was verified." },
      author: { ...party(["Organization"]), description: "The fact-checking organisation." },
      reviewRating: record(
        {
          "@type": { const: "Rating" },
          ratingValue: {
            type: "integer",
            minimum: WORST_RATING,
            maximum: BEST_RATING,
            description: `${WORST_RATING} is false, ${BEST_RATING} true; absent for verdicts that say nothing about truth (${unnumberedVerdicts.join(", ")}).`,
          },
          bestRating: { const: BEST_RATING },
          worstRating: { const: WORST_RATING },
          alternateName: {
            type: "string",
            enum: Object.keys(VERDICT_RATINGS).map((rated) => VERDICT_LABELS[rated as keyof typeof VERDICT_LABELS]),
            description: "The verdict.",
          },
          ratingExplanation: { type: "string", description: "The rationale." },
        },
        ["ratingValue", "ratingExplanation"],
      ),
      itemReviewed: record(
        {
          "@type": { const: "Claim" },
          author: {
            ...party(["Person", "Organization"]),
            description: "Whom the article attributes the claim to, else its author or publisher.",
          },
          datePublished: calendarDate,
          appearance: record(
            {
              "@type": { const: "CreativeWork" },
              headline: text,
              url: uri,
              publisher: party(["Organization"]),
              datePublished: calendarDate,
            },
            ["url", "publisher"],
          ),
        },
        ["author"],
      ),
    }),
    description: "A schema.org ClaimReview (https://schema.org/ClaimReview) as JSON-LD.",
  },
  SignInResult: record(
    {
      redirect: { type: "boolean" },
      token: { type: "string", description: "The session token; clients use the cookie instead." },
      url: text,
      user: {
        type: "object",
        properties: {
          id: text,
          name: text,
          email: text,
          role: { type: "string", enum: ROLES },
          active: { type: "boolean" },
        },
        required: ["id", "name", "email", "role", "active"],
      },
    },
    ["url"],
  ),
  SignOutResult: record({ success: { type: "boolean" } }),
};

const VERSION_RULE =
  "Send the claim `version` you saw: if the claim changed since, nothing is saved and the answer is 409 with the values stored now and the last change.";

const SOURCE_RULE =
  "Any signed-in user may change the sources of a claim that is unreviewed or in progress; while its verdict awaits a second review or is verified, they are fixed.";

const OPERATIONS: { path: string; method: HttpMethod; operation: OpenApiOperation }[] = [
  {
    path: "/api/articles",
    method: "get",
    operation: {
      operationId: "listArticles",
      tags: ["Articles"],
      summary: "List the articles",
      description: "Every article with its number of claims and of verified claims, newest first. Any signed-in user.",
      responses: {
        "200": json(ref("ArticleList"), "The articles."),
        "401": unauthorized,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles",
    method: "post",
    operation: {
      operationId: "createArticle",
      tags: ["Articles"],
      summary: "Add an article",
      description: [
        "Editors and admins only. The text comes as `body` (plain text, kept as sent once line endings are `\\n` and the edges trimmed) or as `html` (a page or fragment, reduced to its readable text with Mozilla Readability: navigation, scripts, headers and footers dropped, a blank line between paragraphs, headings and list items on their own lines). Exactly one of the two.",
        `The stored \`body\` is what claim offsets index into and never changes. It may have at most ${MAX_BODY_LENGTH.toLocaleString("en")} characters, HTML reduced or not. The slug comes from the title, with \`-2\`, \`-3\`… when it is taken. Without \`publishedAt\`, the day of the import is stored. \`language\`: ${ARTICLE_LANGUAGES.join(", ")}.`,
      ].join("\n\n"),
      requestBody: jsonBody(newArticleRequestSchema),
      responses: {
        "201": {
          ...json(ref("Article"), "The article as stored, as GET /api/articles/{id} answers it (no claims yet)."),
          headers: { Location: { description: "The article's address in the API.", schema: text } },
        },
        "400": badRequest(
          "Invalid article: a field at fault, no text or both `body` and `html`, or a text over the limit (named on `body` or `html`).",
        ),
        "401": unauthorized,
        "403": forbiddenWrite("You are not an editor or admin."),
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles/{id}",
    method: "get",
    operation: {
      operationId: "getArticle",
      tags: ["Articles"],
      summary: "Get an article with its text and claims",
      description:
        "The article with its `body` verbatim and its claims in article order; each claim quotes its span of the body: `body.slice(startOffset, endOffset) === quote`. Any signed-in user.",
      parameters: [articleIdParameter],
      responses: {
        "200": json(ref("Article"), "The article."),
        "401": unauthorized,
        "404": notFound("No article has this id."),
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles/{id}/suggestions",
    method: "get",
    operation: {
      operationId: "listSuggestions",
      tags: ["Articles"],
      summary: "Suggested check-worthy spans of an article",
      description:
        "Sentences and clauses that carry figures, dates, named actors with a reporting or action verb, attributed quotations, comparisons or causal assertions (English and French), best first, with exact offsets into the body, a score from 0 to 1 and the reasons. Spans an editor dismissed, and spans overlapping a claim already made, are left out. Any signed-in user.",
      parameters: [articleIdParameter],
      responses: {
        "200": json(
          record({
            items: arrayOf(
              record({
                startOffset: integer,
                endOffset: integer,
                text: { type: "string", description: "The body sliced from startOffset to endOffset." },
                score: { type: "number", minimum: 0, maximum: 1 },
                reasons: arrayOf(text),
              }),
            ),
          }),
          "The suggestions.",
        ),
        "401": unauthorized,
        "404": notFound("No article has this id."),
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles/{id}/suggestions/dismissals",
    method: "post",
    operation: {
      operationId: "dismissSuggestion",
      tags: ["Articles"],
      summary: "Dismiss a suggested span",
      description:
        "Editors and admins. The span (`startOffset`, `endOffset`) is not suggested again for this article; dismissing it twice is harmless.",
      parameters: [articleIdParameter],
      requestBody: jsonBody(dismissalSchema),
      responses: {
        "201": json(record({ articleId: integer, startOffset: integer, endOffset: integer }), "The dismissed span."),
        "400": badRequest("Invalid span."),
        "401": unauthorized,
        "403": forbiddenWrite("You are not an editor or admin."),
        "404": notFound("No article has this id."),
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles/{id}/claims",
    method: "post",
    operation: {
      operationId: "createClaim",
      tags: ["Claims"],
      summary: "Add a claim on a span of the article",
      description:
        "Editors and admins: an accepted suggestion or any span of the text. The span is narrowed to exclude surrounding whitespace and the claim's `quote` is the body's text there. A span already claimed exactly is refused.",
      parameters: [articleIdParameter],
      requestBody: jsonBody(newClaimSchema),
      responses: {
        "201": json(ref("Claim"), "The new claim (unreviewed)."),
        "400": badRequest("Invalid claim, a span past the end of the text, or a span already claimed."),
        "401": unauthorized,
        "403": forbiddenWrite("You are not an editor or admin."),
        "404": notFound("No article has this id."),
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/articles/{id}/claimreview",
    method: "get",
    operation: {
      operationId: "listArticleClaimReviews",
      tags: ["Publishing"],
      summary: "List the published fact-checks of an article",
      description:
        "Public: no session needed. The schema.org ClaimReview of each verified claim of the article, in article order, as JSON-LD; an empty array while none is verified.",
      security: PUBLIC,
      parameters: [articleIdParameter],
      responses: {
        "200": json(arrayOf(ref("ClaimReview")), "The ClaimReviews.", "application/ld+json"),
        "404": notFound("No article has this id."),
        "503": databaseUnavailable,
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
      parameters: queryParameters(claimListQuerySchema, CLAIM_LIST_PARAMETERS),
      responses: {
        "200": json(ref("ClaimPage"), "The page of claims and how many match in all."),
        "400": badRequest("Invalid query parameters."),
        "401": unauthorized,
        "503": databaseUnavailable,
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
      parameters: queryParameters(claimExportQuerySchema, CLAIM_LIST_PARAMETERS),
      responses: {
        "200": {
          description:
            "The claims, one row each after a header row, as a file to save (`Content-Disposition: attachment`, named after the filters).",
          content: { "text/csv": { schema: text } },
        },
        "400": badRequest("Invalid query parameters."),
        "401": unauthorized,
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      responses: {
        "200": json(ref("Claim"), "The claim."),
        "401": unauthorized,
        "404": notFound("No claim has this id."),
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      requestBody: jsonBody(claimPatchSchema),
      responses: {
        "200": json(ref("Claim"), "The claim after the change."),
        "400": badRequest(
          "Invalid change, nothing to change, or a verdict not ready to propose (the verdict, rationale or sources at fault).",
        ),
        "401": unauthorized,
        "403": forbiddenWrite(
          "Not allowed: the claim is someone else's, a reviewer assigning another user, a verdict awaiting review or verified, `status: verified` (that is the review's), or proposing a claim that is not in progress.",
        ),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/claims/{id}/claimreview",
    method: "get",
    operation: {
      operationId: "getClaimReview",
      tags: ["Publishing"],
      summary: "Get the published fact-check of a claim",
      description:
        "Public: no session needed. A verified claim's fact-check as schema.org ClaimReview JSON-LD, for search engines and fact-check aggregators; its `url` is the public page of the fact-check.",
      security: PUBLIC,
      parameters: [claimIdParameter],
      responses: {
        "200": json(ref("ClaimReview"), "The ClaimReview.", "application/ld+json"),
        "404": notFound("No verified claim has this id: a claim that is not verified is not published."),
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      requestBody: jsonBody(reviewSchema),
      responses: {
        "200": json(ref("Claim"), "The claim after the review."),
        "400": badRequest("Invalid review (a comment is required to send back)."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim is not awaiting a second review, or you proposed its verdict."),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      requestBody: jsonBody(reopenSchema),
      responses: {
        "200": json(ref("Claim"), "The claim, in progress again."),
        "400": badRequest("Invalid reopening."),
        "401": unauthorized,
        "403": forbiddenWrite("You are not an editor or admin, or the claim is not verified."),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
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
        "Up to 5 verified claims whose statement is similar to this one's (PostgreSQL pg_trgm similarity of at least 0.3), best first, with their verdict: one can be marked as the original (PUT /api/claims/{id}/duplicate). Any signed-in user.",
      parameters: [claimIdParameter],
      responses: {
        "200": json(
          record({
            items: arrayOf(
              record({
                id: integer,
                statement: text,
                articleId: integer,
                articleTitle: text,
                status: reviewStatus,
                verdict,
                similarity: { type: "number", minimum: 0, maximum: 1 },
              }),
            ),
          }),
          "The similar claims.",
        ),
        "401": unauthorized,
        "404": notFound("No claim has this id."),
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      requestBody: jsonBody(duplicateLinkSchema),
      responses: {
        "200": json(ref("Claim"), "The claim with its mark."),
        "400": badRequest("Invalid mark, an unknown claim, or a claim that is not verified."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim is someone else's, or not open (awaiting review or verified)."),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
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
      parameters: [claimIdParameter],
      requestBody: jsonBody(startFromDuplicateSchema),
      responses: {
        "200": json(ref("Claim"), "The claim with what it took."),
        "400": badRequest("Invalid request, or the claim is not marked as a duplicate."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim is someone else's, or not in progress."),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/claims/{id}/sources",
    method: "post",
    operation: {
      operationId: "addSource",
      tags: ["Sources"],
      summary: "Attach a source to a claim",
      description: [
        SOURCE_RULE,
        "`url` and `archiveUrl` must be public http or https addresses; they are stored normalised, and the same URL twice on one claim is refused. `version` is optional here, since adding overwrites nothing, but a stale one is refused (409).",
      ].join("\n\n"),
      parameters: [claimIdParameter],
      requestBody: jsonBody(newSourceSchema),
      responses: {
        "201": json(ref("SourceChange"), "The source, attached."),
        "400": badRequest("Invalid source, or its URL is already attached to the claim."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim's verdict awaits a second review or is verified."),
        "404": notFound("No claim has this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/claims/{id}/sources/{sourceId}",
    method: "patch",
    operation: {
      operationId: "updateSource",
      tags: ["Sources"],
      summary: "Edit a source",
      description: [
        `${SOURCE_RULE} Send only the fields that change; \`null\` or blank clears an optional one.`,
        VERSION_RULE,
      ].join("\n\n"),
      parameters: [claimIdParameter, sourceIdParameter],
      requestBody: jsonBody(sourcePatchSchema),
      responses: {
        "200": json(ref("SourceChange"), "The source after the change."),
        "400": badRequest("Invalid change, nothing to change, or a URL already attached to the claim."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim's verdict awaits a second review or is verified."),
        "404": notFound("No claim has this id, or the claim has no source with this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/claims/{id}/sources/{sourceId}",
    method: "delete",
    operation: {
      operationId: "removeSource",
      tags: ["Sources"],
      summary: "Remove a source",
      description: [SOURCE_RULE, VERSION_RULE].join("\n\n"),
      parameters: [claimIdParameter, sourceIdParameter],
      requestBody: jsonBody(sourceRemovalSchema),
      responses: {
        "200": json(ref("SourceRemoved"), "The removed source's id and the claim's new version."),
        "400": badRequest("The body must be the claim version you saw."),
        "401": unauthorized,
        "403": forbiddenWrite("The claim's verdict awaits a second review or is verified."),
        "404": notFound("No claim has this id, or the claim has no source with this id."),
        "409": staleVersion,
        "413": bodyTooLarge,
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/openapi.json",
    method: "get",
    operation: {
      operationId: "getOpenApiDocument",
      tags: ["Publishing"],
      summary: "Get this API description",
      description:
        "Public: no session needed. This OpenAPI 3.1 document, generated from the zod schemas that validate the requests. Caches may keep it for 5 minutes.",
      security: PUBLIC,
      responses: {
        "200": json({ type: "object", description: "An OpenAPI 3.1 document." }, "This document."),
      },
    },
  },
  {
    path: "/api/health",
    method: "get",
    operation: {
      operationId: "getHealth",
      tags: ["Publishing"],
      summary: "Check that the app and its database answer",
      description:
        "Public: no session needed, for load balancers and uptime checks. 200 once the database answers a statement; 503 while it does not. Never cached.",
      security: PUBLIC,
      responses: {
        "200": json(
          { type: "object", required: ["status"], properties: { status: { const: "ok" } } },
          "The app and its database answer.",
        ),
        "503": databaseUnavailable,
      },
    },
  },
  {
    path: "/api/auth/sign-in/email",
    method: "post",
    operation: {
      operationId: "signIn",
      tags: ["Auth"],
      summary: "Sign in",
      description: [
        `Public. Sets the session cookie (\`${SESSION_COOKIE}\`, HttpOnly, SameSite=Lax) that every other operation needs; send it back with each request.`,
        "A failure says only that the email or password is wrong. After 5 failures for one email, or 20 from one address, within 15 minutes, further attempts are refused (429) for the rest of the window, even with the right password.",
      ].join("\n\n"),
      security: PUBLIC,
      requestBody: jsonBody(signInSchema.omit({ next: true })),
      responses: {
        "200": {
          ...json(ref("SignInResult"), "Signed in."),
          headers: { "Set-Cookie": { description: "The session cookie.", schema: text } },
        },
        "400": authErrorResponse("Invalid body, or not an email address."),
        "401": authErrorResponse("The email or password is wrong, or the account is deactivated."),
        "403": authErrorResponse("Sent from a page of another site."),
        "429": {
          ...authErrorResponse("Too many failed sign-ins for this email or from this address."),
          headers: {
            "Retry-After": {
              description: "Seconds until attempts are allowed again.",
              schema: { type: "integer", minimum: 1 },
            },
          },
        },
      },
    },
  },
  {
    path: "/api/auth/sign-out",
    method: "post",
    operation: {
      operationId: "signOut",
      tags: ["Auth"],
      summary: "Sign out",
      description:
        "Ends the session the cookie names and clears the cookie. Without a session it has nothing to end and still answers 200.",
      security: [{ session: [] }, {}],
      responses: {
        "200": {
          ...json(ref("SignOutResult"), "Signed out."),
          headers: { "Set-Cookie": { description: "Clears the session cookie.", schema: text } },
        },
        "403": authErrorResponse("Sent from a page of another site."),
      },
    },
  },
];

const TAG_DESCRIPTIONS: Record<TagName, string> = {
  Articles: "The tracked articles, their text and their claims.",
  Claims: "Claims: lists, search, export, and the work on one claim (assignment, verdict, proposal).",
  Sources: "The sources attached to a claim to support or refute it.",
  Review: "The second review of a proposed verdict, and corrections of verified ones.",
  Publishing: "What is public without a session: verified fact-checks as schema.org ClaimReview, and this description.",
  Auth: "Signing in and out (Better Auth).",
};

export function buildOpenApiDocument(): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const { path, method, operation } of OPERATIONS) {
    paths[path] = { ...paths[path], [method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Fact-check desk API",
      version: packageJson.version,
      description: [
        "Every claim of an article, its sources, verdict, second review and history. Request bodies and query parameters are described by the same zod schemas that validate them on the server.",
        "Sign in with POST /api/auth/sign-in/email and send back the cookie it sets. Writes sent from a page of another site (an `Origin` that is not this host) are refused.",
        "Errors are JSON `{ error, fields? }`: 400 invalid input (with the fields at fault), 401 not signed in, 403 not allowed (role, workflow state, or the proposer reviewing their own verdict), 404 unknown id, 409 stale `version` (with `current` and `lastChange`), 429 too many failed sign-ins, 503 database unavailable.",
      ].join("\n\n"),
    },
    servers: [{ url: "/" }],
    tags: TAGS.map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    security: [{ session: [] }],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description:
            "The session cookie set by POST /api/auth/sign-in/email (named `__Secure-better-auth.session_token` over HTTPS).",
        },
      },
    },
  };
}
