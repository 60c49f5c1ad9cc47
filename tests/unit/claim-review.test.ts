import { describe, expect, it } from "vitest";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { type ClaimReviewInput, toClaimReview } from "@/domains/publishing/claim-review";
import { VERDICT_RATINGS } from "@/domains/publishing/rating";

const claim: ClaimReviewInput = {
  id: 41,
  statement: "UNICEF estimates that 7.1 million people in Mali need humanitarian assistance.",
  attributedTo: "UNICEF",
  verdict: "true",
  rationale: "UNICEF's 2024 appeal counts 7.1 million people in need.",
  verifiedAt: new Date("2026-11-27T10:30:00Z"),
  article: {
    title: "The imperative of peace in Mali",
    url: "https://internationalviewpoint.org/spip.php?article8542",
    publisher: "International Viewpoint",
    author: null,
    publishedAt: new Date("2024-05-31T00:00:00Z"),
  },
};
const context = {
  pageUrl: "https://desk.example/fact-checks/41",
  organization: { name: "Desk", url: "https://desk.example" },
};

describe("toClaimReview", () => {
  it("fills every field the ecosystem reads", () => {
    expect(toClaimReview(claim, context)).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://desk.example/fact-checks/41",
      claimReviewed: claim.statement,
      datePublished: "2026-11-27",
      author: { "@type": "Organization", name: "Desk", url: "https://desk.example" },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        alternateName: "True",
        ratingExplanation: claim.rationale,
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "UNICEF" },
        datePublished: "2024-05-31",
        appearance: {
          "@type": "CreativeWork",
          headline: "The imperative of peace in Mali",
          url: "https://internationalviewpoint.org/spip.php?article8542",
          publisher: { "@type": "Organization", name: "International Viewpoint" },
          datePublished: "2024-05-31",
        },
      },
    });
  });

  it.each(Object.entries(VERDICT_RATINGS))("rates %s as %s", (verdict, rating) => {
    const review = toClaimReview({ ...claim, verdict: verdict as ClaimReviewInput["verdict"] }, context);
    const reviewRating = review.reviewRating as Record<string, unknown>;
    expect(reviewRating.alternateName).toBe(VERDICT_LABELS[verdict as keyof typeof VERDICT_LABELS]);
    expect(reviewRating.bestRating).toBe(5);
    expect(reviewRating.worstRating).toBe(1);
    if (rating === null) expect(reviewRating).not.toHaveProperty("ratingValue");
    else expect(reviewRating.ratingValue).toBe(rating);
  });

  it("rates in order: a truer verdict never rates lower", () => {
    const order = ["false", "mostly_false", "mixed", "mostly_true", "true"] as const;
    const ratings = order.map((verdict) => VERDICT_RATINGS[verdict]!);
    expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
  });

  it("names an unnamed individual as a Person and falls back to the publisher", () => {
    const person = toClaimReview({ ...claim, attributedTo: "A UN expert" }, context).itemReviewed as Record<
      string,
      unknown
    >;
    expect(person.author).toEqual({ "@type": "Person", name: "A UN expert" });
    const publisher = toClaimReview({ ...claim, attributedTo: null }, context).itemReviewed as Record<string, unknown>;
    expect(publisher.author).toEqual({ "@type": "Organization", name: "International Viewpoint" });
  });

  it("refuses to publish an unverified or unrated claim", () => {
    expect(() => toClaimReview({ ...claim, verifiedAt: null }, context)).toThrow(/not verified/);
    expect(() => toClaimReview({ ...claim, verdict: "unrated" }, context)).toThrow(/not verified/);
  });
});
