import { z } from "zod";
import { REVIEW_STATUSES, VERDICTS } from "@/domains/claims/labels";
import * as apiDoc from "@/lib/api-description";
import { ARTICLE_LANGUAGES, MAX_BODY_LENGTH } from "./limits";
import { newArticleRequestSchema } from "./schema";

export const articleIdPath = z.object({ id: apiDoc.pathId("The article's id.") });

const articleSummarySchema = z
  .strictObject({
    id: z.int(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedAt: apiDoc.calendarDate,
    claimCount: z.int(),
    verifiedCount: z.int(),
  })
  .meta({ id: "ArticleSummary" });

const articleListSchema = z.strictObject({ items: z.array(articleSummarySchema) }).meta({ id: "ArticleList" });

const articleClaimSchema = z
  .strictObject({
    id: z.int(),
    quote: z.string(),
    startOffset: z.int(),
    endOffset: z.int(),
    statement: z.string(),
    topic: z.string(),
    status: z.enum(REVIEW_STATUSES),
    verdict: z.enum(VERDICTS),
  })
  .meta({ id: "ArticleClaim" });

/** `articleDetailSelect`, its date as a calendar day. */
const articleSchema = z
  .strictObject({
    id: z.int(),
    slug: z.string(),
    title: z.string(),
    url: z.url().nullable(),
    publisher: z.string().nullable(),
    issue: z.string().nullable(),
    author: z.string().nullable(),
    credit: z.string().nullable(),
    publishedAt: apiDoc.calendarDate,
    language: z.string().meta({ description: "An ISO 639-1 code." }),
    body: z.string().meta({ description: "The article verbatim: claim offsets index into it." }),
    claims: z.array(articleClaimSchema),
  })
  .meta({ id: "Article" });

export const articlesApi: apiDoc.ApiDescription = {
  tags: [{ name: "Articles", description: "The tracked articles, their text and their claims." }],
  operations: [
    {
      path: "/api/articles",
      method: "get",
      operation: {
        operationId: "listArticles",
        tags: ["Articles"],
        summary: "List the articles",
        description:
          "Every article with its number of claims and of verified claims, newest first. Any signed-in user.",
        responses: {
          "200": apiDoc.jsonResponse(articleListSchema, "The articles."),
          "401": apiDoc.unauthorized,
          "503": apiDoc.databaseUnavailable,
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
        requestBody: apiDoc.jsonBody(newArticleRequestSchema),
        responses: {
          "201": {
            ...apiDoc.jsonResponse(
              articleSchema,
              "The article as stored, as GET /api/articles/{id} answers it (no claims yet).",
            ),
            headers: z.object({ Location: z.string().meta({ description: "The article's address in the API." }) }),
          },
          "400": apiDoc.badRequest(
            "Invalid article: a field at fault, no text or both `body` and `html`, or a text over the limit (named on `body` or `html`).",
          ),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("You are not an editor or admin."),
          "413": apiDoc.bodyTooLarge,
          "503": apiDoc.databaseUnavailable,
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
        requestParams: { path: articleIdPath },
        responses: {
          "200": apiDoc.jsonResponse(articleSchema, "The article."),
          "401": apiDoc.unauthorized,
          "404": apiDoc.notFound("No article has this id."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
  ],
};
