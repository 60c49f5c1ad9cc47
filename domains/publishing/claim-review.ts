import type { ClaimReview, Organization, Person, WithContext } from "schema-dts";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { BEST_RATING, VERDICT_RATINGS, WORST_RATING } from "./rating";

export interface ClaimReviewInput {
  id: number;
  statement: string;
  attributedTo: string | null;
  verdict: Verdict;
  rationale: string | null;
  verifiedAt: Date | null;
  article: { title: string; url: string | null; publisher: string | null; author: string | null; publishedAt: Date };
}

export interface PublishingContext {
  /** Absolute URL of the public page of this fact-check. */
  pageUrl: string;
  organization: { name: string; url?: string };
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Who made the claim: whom the article attributes it to, else the article's author or publisher.
 * An unnamed individual ("A UN expert", "An Amnesty International official") is a Person; a named
 * body (UNICEF) an Organization.
 */
function claimAuthor(input: ClaimReviewInput): Person | Organization | undefined {
  const name = input.attributedTo ?? input.article.author ?? input.article.publisher;
  if (!name) return undefined;
  return /^an? /i.test(name) && name !== input.article.publisher
    ? { "@type": "Person", name }
    : { "@type": "Organization", name };
}

/** One schema.org ClaimReview, typed by schema-dts so a wrong field fails the typecheck. */
export function toClaimReview(input: ClaimReviewInput, context: PublishingContext): WithContext<ClaimReview> {
  if (input.verdict === "unrated" || !input.verifiedAt) {
    throw new Error(`Claim ${input.id} is not verified: it cannot be published.`);
  }
  const ratingValue = VERDICT_RATINGS[input.verdict];
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: context.pageUrl,
    claimReviewed: input.statement,
    datePublished: isoDate(input.verifiedAt),
    author: {
      "@type": "Organization",
      name: context.organization.name,
      ...(context.organization.url ? { url: context.organization.url } : {}),
    },
    reviewRating: {
      "@type": "Rating",
      ...(ratingValue === null ? {} : { ratingValue }),
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: VERDICT_LABELS[input.verdict],
      ...(input.rationale ? { ratingExplanation: input.rationale } : {}),
    },
    itemReviewed: {
      "@type": "Claim",
      ...(claimAuthor(input) ? { author: claimAuthor(input) } : {}),
      datePublished: isoDate(input.article.publishedAt),
      appearance: {
        "@type": "CreativeWork",
        headline: input.article.title,
        ...(input.article.url ? { url: input.article.url } : {}),
        ...(input.article.publisher ? { publisher: { "@type": "Organization", name: input.article.publisher } } : {}),
        datePublished: isoDate(input.article.publishedAt),
      },
    },
  };
}
