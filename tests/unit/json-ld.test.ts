import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toClaimReview } from "@/domains/publishing/claim-review";
import { jsonLdScriptText } from "@/lib/json-ld";

const hostileRationale =
  "</script><script>window.__xss=1</script> <!-- </SCRIPT > The report counts 4 million, not 7 million.";

function expectSafeInScript(text: string, value: unknown) {
  expect(text).not.toMatch(/<\/script/i);
  expect(text).not.toContain("<!--");
  expect(text).not.toContain("<");
  expect(JSON.parse(text)).toEqual(value);
}

describe("jsonLdScriptText", () => {
  it("writes a ClaimReview whose text holds markup so that it cannot leave its script element, and parses back to it", () => {
    const claimReview = toClaimReview(
      {
        id: 7,
        statement: "The <script>window.__xss=1</script> desk says 7 million people need aid.",
        attributedTo: "<img src=x onerror=window.__xss=1> Agency",
        verdict: "false",
        rationale: hostileRationale,
        verifiedAt: new Date("2026-11-27T10:30:00Z"),
        article: {
          title: "</script>",
          url: "https://example.org/a?x=</script>",
          publisher: null,
          author: null,
          publishedAt: new Date("2024-05-31"),
        },
      },
      { pageUrl: "https://desk.example/fact-checks/7", organization: { name: "Desk <b>" } },
    );
    const text = jsonLdScriptText(claimReview);
    expectSafeInScript(text, claimReview);
    expect(JSON.parse(text).reviewRating.ratingExplanation).toBe(hostileRationale);
  });

  it("keeps any string safe and exact", () => {
    const markup = fc.constantFrom(
      "</script",
      "</SCRIPT>",
      "<!--",
      "-->",
      "<script>",
      "<",
      "\u2028",
      "\u2029",
      "\\u003c",
      '"',
      "\\",
    );
    const text = fc
      .array(fc.oneof(markup, fc.string({ unit: "grapheme" })), { maxLength: 12 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), text), (value) => {
        expectSafeInScript(jsonLdScriptText(value), value);
      }),
    );
  });
});
