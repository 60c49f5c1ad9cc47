import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readSeedArticleBody } from "@/prisma/seed/article";
import { seedClaims, TOPICS } from "@/prisma/seed/claims";
import { locateSeedClaims } from "@/prisma/seed/locate";

describe("seed claims", () => {
  const body = readSeedArticleBody();
  const located = locateSeedClaims(body, seedClaims);

  it("keeps the article verbatim (the same bytes as the reference copy in shared/source)", () => {
    expect(createHash("sha256").update(body, "utf8").digest("hex")).toBe(
      "d5801f64aa7df12174ab47b55cca2b42b84fb254ce5cc61548b3f6e690f8135a",
    );
    expect(body).toContain("UNICEF estimates that 7.1 million people, more than half of them children");
  });

  it("anchors every quote to the exact span it names", () => {
    expect(located.length).toBeGreaterThanOrEqual(40);
    for (const claim of located) {
      expect(body.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
      expect(claim.quote).toBe(claim.quote.trim());
    }
  });

  it("never gives two claims the same span", () => {
    const spans = located.map((claim) => `${claim.startOffset}:${claim.endOffset}`);
    expect(new Set(spans).size).toBe(spans.length);
  });

  it("restates each claim as one sentence with a known topic", () => {
    for (const claim of seedClaims) {
      expect(claim.statement).toMatch(/^\S.*[.]$/s);
      expect(TOPICS).toContain(claim.topic);
    }
  });

  it("refuses a quote that is not in the article", () => {
    expect(() =>
      locateSeedClaims(body, [{ quote: "8.2 million people", statement: "Invented.", topic: "History" }]),
    ).toThrow(/not found/);
  });

  it("finds the n-th occurrence when a quote repeats", () => {
    const [first, second] = locateSeedClaims(body, [
      { quote: "inter-Malian dialogue", statement: "First.", topic: "History" },
      { quote: "inter-Malian dialogue", occurrence: 2, statement: "Second.", topic: "History" },
    ]);
    expect(second!.startOffset).toBeGreaterThan(first!.startOffset);
    expect(body.slice(second!.startOffset, second!.endOffset)).toBe("inter-Malian dialogue");
  });
});
