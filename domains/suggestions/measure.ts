import type { Suggestion } from "./suggest";

export interface ExpectedSpan {
  label: string;
  startOffset: number;
  endOffset: number;
}

export interface SuggestionMeasure {
  suggestions: number;
  /** Share of expected spans overlapped by at least one suggestion. */
  recall: number;
  /** Share of suggestions overlapping at least one expected span. */
  precision: number;
  missed: ExpectedSpan[];
  unmatched: Suggestion[];
}

function overlaps(a: { startOffset: number; endOffset: number }, b: { startOffset: number; endOffset: number }) {
  return a.startOffset < b.endOffset && b.startOffset < a.endOffset;
}

/** Recall and precision of suggestions against hand-picked spans, counting any overlap as a match. */
export function measureSuggestions(
  suggestions: readonly Suggestion[],
  expected: readonly ExpectedSpan[],
): SuggestionMeasure {
  const missed = expected.filter((span) => !suggestions.some((suggestion) => overlaps(suggestion, span)));
  const unmatched = suggestions.filter((suggestion) => !expected.some((span) => overlaps(suggestion, span)));
  return {
    suggestions: suggestions.length,
    recall: expected.length === 0 ? 1 : (expected.length - missed.length) / expected.length,
    precision: suggestions.length === 0 ? 1 : (suggestions.length - unmatched.length) / suggestions.length,
    missed,
    unmatched,
  };
}

/** Anchors quotes that each occur once in the body; a quote that is missing is a fixture error. */
export function locateQuotes(body: string, quotes: readonly string[]): ExpectedSpan[] {
  return quotes.map((quote) => {
    const start = body.indexOf(quote);
    if (start === -1) throw new Error(`Quote not found in the body: "${quote}"`);
    return { label: quote, startOffset: start, endOffset: start + quote.length };
  });
}
