import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const publishedClaimSelect = {
  id: true,
  statement: true,
  quote: true,
  attributedTo: true,
  verdict: true,
  rationale: true,
  verifiedAt: true,
  updatedAt: true,
  retractedAt: true,
  retractionReason: true,
  proposedBy: { select: { name: true } },
  verifiedBy: { select: { name: true } },
  article: { select: { id: true, title: true, url: true, publisher: true, author: true, publishedAt: true } },
  sources: {
    select: { id: true, url: true, title: true, publisher: true, stance: true, archiveUrl: true },
    orderBy: { addedAt: "asc" },
  },
  corrections: {
    select: { id: true, reason: true, previousVerdict: true, newVerdict: true, reopenedAt: true, resolvedAt: true },
    where: { resolvedAt: { not: null } },
    orderBy: { reopenedAt: "asc" },
  },
} satisfies Prisma.ClaimSelect;

export type PublishedClaim = Prisma.ClaimGetPayload<{ select: typeof publishedClaimSelect }>;

/** What readers see listed (index, article pages, feeds, sitemap, ClaimReview): verified, not retracted. */
export const PUBLISHED_WHERE = { status: "verified", retractedAt: null } satisfies Prisma.ClaimWhereInput;

/**
 * A verified claim's public record, retracted ones included (their page says so and why; their
 * ClaimReview answers 410). Anything unverified is as if it did not exist (404).
 */
export async function getPublishedClaim(id: number): Promise<PublishedClaim | null> {
  return db().claim.findFirst({ where: { id, status: "verified" }, select: publishedClaimSelect });
}

/** The verified claims of an article in article order; null when the article does not exist. */
export async function listPublishedClaimsOfArticle(articleId: number): Promise<PublishedClaim[] | null> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      claims: { where: PUBLISHED_WHERE, select: publishedClaimSelect, orderBy: { startOffset: "asc" } },
    },
  });
  return article?.claims ?? null;
}
