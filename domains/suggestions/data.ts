import "server-only";
import { db } from "@/lib/db";
import { computeArticleSuggestions } from "./mutations";
import { storedSuggestionsSchema } from "./schema";
import { SUGGESTION_ENGINE_VERSION, type Suggestion } from "./suggest";

interface Span {
  startOffset: number;
  endOffset: number;
}

/**
 * The article's suggested claims, best first: the engine's spans, less those an editor dismissed and those that
 * overlap a claim already made (the sentence is being checked). The engine runs once per article, the first time
 * they are asked for (its body never changes), and again only when the engine's version changes; dismissals and
 * claims are taken out on every read, so they show at once. Null for an unknown article.
 */
export async function listSuggestions(articleId: number): Promise<Suggestion[] | null> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      claims: { select: { startOffset: true, endOffset: true } },
      suggestionDismissals: { select: { startOffset: true, endOffset: true } },
      suggestions: { select: { engineVersion: true, items: true } },
    },
  });
  if (!article) return null;
  // A result of another engine version, or one that no longer reads as suggestions, is computed again.
  const current = article.suggestions?.engineVersion === SUGGESTION_ENGINE_VERSION ? article.suggestions.items : null;
  const stored = storedSuggestionsSchema.safeParse(current);
  const items = stored.success ? stored.data : await computeArticleSuggestions(articleId);
  return items && withoutSettledSpans(items, article.claims, article.suggestionDismissals);
}

/**
 * Leaves out the dismissed spans and those overlapping a claim. The claims are sorted once by start, with the furthest
 * end reached so far, so each suggestion costs a binary search, not a pass over every claim.
 */
export function withoutSettledSpans(suggestions: Suggestion[], claims: Span[], dismissals: Span[]): Suggestion[] {
  const dismissed = new Set(dismissals.map((span) => `${span.startOffset}:${span.endOffset}`));
  const byStart = [...claims].sort((a, b) => a.startOffset - b.startOffset);
  const furthestEnd: number[] = [];
  for (const claim of byStart) furthestEnd.push(Math.max(claim.endOffset, furthestEnd[furthestEnd.length - 1] ?? 0));
  const overlapsClaim = (span: Span) => {
    // The claims that start before the span ends; one of them overlaps it if it also ends after the span starts.
    let low = 0;
    let high = byStart.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byStart[middle]!.startOffset < span.endOffset) low = middle + 1;
      else high = middle;
    }
    return low > 0 && furthestEnd[low - 1]! > span.startOffset;
  };
  return suggestions.filter(
    (suggestion) => !dismissed.has(`${suggestion.startOffset}:${suggestion.endOffset}`) && !overlapsClaim(suggestion),
  );
}
