import { z } from "zod";
import { articleIdPath } from "@/domains/articles/api";
import * as apiDoc from "@/lib/api-description";
import { dismissalSchema } from "./schema";
import { REASONS } from "./signals";

const suggestionsSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      startOffset: z.int(),
      endOffset: z.int(),
      text: z.string().meta({ description: "The body sliced from startOffset to endOffset." }),
      score: z.number().min(0).max(1),
      reasons: z.array(z.enum(REASONS)),
    }),
  ),
});

const dismissedSpanSchema = z.strictObject({ articleId: z.int(), startOffset: z.int(), endOffset: z.int() });

/** Suggestions belong to an article: they are listed under its tag. */
export const suggestionsApi: apiDoc.ApiDescription = {
  tags: [],
  operations: [
    {
      path: "/api/articles/{id}/suggestions",
      method: "get",
      operation: {
        operationId: "listSuggestions",
        tags: ["Articles"],
        summary: "Suggested check-worthy spans of an article",
        description:
          "Sentences and clauses that carry figures, dates, named actors with a reporting or action verb, attributed quotations, comparisons or causal assertions (English and French), best first, with exact offsets into the body, a score from 0 to 1 and the reasons. Spans an editor dismissed, and spans overlapping a claim already made, are left out. Any signed-in user.",
        requestParams: { path: articleIdPath },
        responses: {
          "200": apiDoc.jsonResponse(suggestionsSchema, "The suggestions."),
          "401": apiDoc.unauthorized,
          "404": apiDoc.notFound("No article has this id."),
          "503": apiDoc.databaseUnavailable,
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
        requestParams: { path: articleIdPath },
        requestBody: apiDoc.jsonBody(dismissalSchema),
        responses: {
          "201": apiDoc.jsonResponse(dismissedSpanSchema, "The dismissed span."),
          "400": apiDoc.badRequest("Invalid span."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("You are not an editor or admin."),
          "404": apiDoc.notFound("No article has this id."),
          "413": apiDoc.bodyTooLarge,
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
  ],
};
