import "server-only";
import { db } from "@/lib/db";
import { type Suggestion, suggestClaims } from "./suggest";

function overlaps(a: { startOffset: number; endOffset: number }, b: { startOffset: number; endOffset: number }): boolean {
  return a.startOffset < b.endOffset && b.startOffset < a.endOffset;
}

/**
 * The article's suggested claims, best first: the engine's spans, less those an editor dismissed
 * and those that overlap a claim already made (the sentence is being checked). Computed on each
 * request from the stored body, so nothing about them can go stale; only dismissals are stored.
 * Null for an unknown article.
 */
export async function listSuggestions(articleId: number): Promise<Suggestion[] | null> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      body: true,
      language: true,
      claims: { select: { startOffset: true, endOffset: true } },
      suggestionDismissals: { select: { startOffset: true, endOffset: true } },
    },
  });
  if (!article) return null;
  const dismissed = new Set(article.suggestionDismissals.map((span) => `${span.startOffset}:${span.endOffset}`));
  return suggestClaims(article.body, article.language).filter(
    (suggestion) =>
      !dismissed.has(`${suggestion.startOffset}:${suggestion.endOffset}`) && !article.claims.some((claim) => overlaps(claim, suggestion)),
  );
}
