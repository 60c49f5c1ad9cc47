import fc from "fast-check";
import { expect, it } from "vitest";
import { withoutSettledSpans } from "@/domains/suggestions/data";
import type { Suggestion } from "@/domains/suggestions/suggest";

const span = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 40 }))
  .map(([startOffset, length]) => ({ startOffset, endOffset: startOffset + length }));
const asSuggestion = (range: { startOffset: number; endOffset: number }): Suggestion => ({
  ...range,
  text: "",
  score: 0.5,
  reasons: ["number"],
});

it("leaves out exactly the dismissed spans and those overlapping a claim, as a pass over every claim would (fast-check)", () => {
  const suggestionsAndDismissals = fc.array(fc.tuple(span, fc.boolean()), { maxLength: 30 }).map((entries) => ({
    suggestions: entries.map(([range]) => asSuggestion(range)),
    // Some suggestions dismissed, as editors do, plus spans that are no suggestion.
    dismissals: entries.filter(([, dismissed]) => dismissed).map(([range]) => range),
  }));
  fc.assert(
    fc.property(
      suggestionsAndDismissals,
      fc.array(span, { maxLength: 30 }),
      fc.array(span, { maxLength: 3 }),
      (drawn, claims, strays) => {
        const dismissals = [...drawn.dismissals, ...strays];
        const expected = drawn.suggestions.filter(
          (suggestion) =>
            !dismissals.some(
              (other) => other.startOffset === suggestion.startOffset && other.endOffset === suggestion.endOffset,
            ) &&
            !claims.some(
              (claim) => claim.startOffset < suggestion.endOffset && suggestion.startOffset < claim.endOffset,
            ),
        );
        expect(withoutSettledSpans(drawn.suggestions, claims, dismissals)).toEqual(expected);
      },
    ),
    { numRuns: 500, seed: 12 },
  );
});
