import "server-only";
import { z } from "zod";
import { claimSearchCondition } from "@/domains/claims/data";
import { MAX_INDEX_PAGE, PUBLISHED_VERDICTS } from "@/domains/publishing/index-url";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";
import { isStorableText } from "@/lib/validation";

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

/**
 * PUBLISHED_WHERE for raw statements over "Claim" c: the two must say the same (the public-pages
 * integration test checks that a retracted or unverified claim is in neither).
 */
const PUBLISHED_SQL = Prisma.sql`c.status = 'verified' AND c."retractedAt" IS NULL`;

export const PUBLIC_INDEX_PAGE_SIZE = 20;

const emptyAsMissing = (value: unknown) => (value === "" ? undefined : value);

/**
 * The index's search parameters, read leniently: a link with a bad parameter (an unknown verdict, a
 * page "abc", a repeated q) shows the index without it rather than an error page.
 */
export const publicIndexQuerySchema = z.object({
  q: z.preprocess(emptyAsMissing, z.string().trim().max(200).refine(isStorableText).optional().catch(undefined)),
  verdict: z.preprocess(emptyAsMissing, z.enum(PUBLISHED_VERDICTS).optional().catch(undefined)),
  page: z.coerce.number().int().min(1).max(MAX_INDEX_PAGE).catch(1),
});

export type PublicIndexQuery = z.infer<typeof publicIndexQuerySchema>;

const publicIndexRowSchema = z.strictObject({
  id: z.number().int(),
  statement: z.string(),
  verdict: z.enum(PUBLISHED_VERDICTS),
  verifiedAt: z.date(),
  articleId: z.number().int(),
  articleTitle: z.string(),
});

export type PublicIndexItem = z.infer<typeof publicIndexRowSchema>;

/**
 * One page of the public index, newest first: read in order from a partial index of published claims
 * (Claim_published_newest_idx, or its verdict twin) with a LIMIT, and one row more than a page tells
 * whether a next page exists, so no count of the whole set is made on a page rendered per request.
 */
export async function listPublishedFactChecks(
  query: PublicIndexQuery,
): Promise<{ items: PublicIndexItem[]; hasNextPage: boolean }> {
  const conditions = [PUBLISHED_SQL];
  if (query.verdict) conditions.push(Prisma.sql`c.verdict = ${query.verdict}::"Verdict"`);
  if (query.q) conditions.push(claimSearchCondition(query.q));
  const rows = checkedRows(
    publicIndexRowSchema,
    await db().$queryRaw<unknown[]>`
      SELECT c.id, c.statement, c.verdict, c."verifiedAt", c."articleId", a.title AS "articleTitle"
      FROM "Claim" c JOIN "Article" a ON a.id = c."articleId"
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY c."verifiedAt" DESC, c.id DESC
      LIMIT ${PUBLIC_INDEX_PAGE_SIZE + 1} OFFSET ${(query.page - 1) * PUBLIC_INDEX_PAGE_SIZE}`,
  );
  return { items: rows.slice(0, PUBLIC_INDEX_PAGE_SIZE), hasNextPage: rows.length > PUBLIC_INDEX_PAGE_SIZE };
}

/**
 * A fact-check's public page: the published record, the article text and offsets that put the quote
 * in its paragraph, and when it was first published (a correction approved later moves verifiedAt).
 */
export async function getPublishedFactCheck(id: number) {
  const claim = await db().claim.findFirst({
    where: { id, status: "verified" },
    select: {
      ...publishedClaimSelect,
      startOffset: true,
      endOffset: true,
      article: { select: { ...publishedClaimSelect.article.select, body: true } },
      events: { where: { action: "approved" }, select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  if (!claim?.verifiedAt) return null;
  const { events, ...rest } = claim;
  const corrected = claim.corrections.length > 0;
  return {
    ...rest,
    verifiedAt: claim.verifiedAt,
    firstPublishedAt: corrected ? (events[0]?.createdAt ?? claim.verifiedAt) : claim.verifiedAt,
    /** The last approval (a correction's) or the retraction, which can only come later. */
    lastUpdatedAt: claim.retractedAt ?? claim.verifiedAt,
  };
}

export type PublishedFactCheck = NonNullable<Awaited<ReturnType<typeof getPublishedFactCheck>>>;

/**
 * An article's public page: the article and its published fact-checks in article order; null when the
 * article does not exist or has none published (readers have nothing to see there).
 */
export async function getPublishedArticle(articleId: number) {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      title: true,
      url: true,
      publisher: true,
      author: true,
      publishedAt: true,
      claims: {
        where: PUBLISHED_WHERE,
        select: { id: true, statement: true, quote: true, attributedTo: true, verdict: true, verifiedAt: true },
        orderBy: [{ startOffset: "asc" }, { endOffset: "asc" }],
      },
    },
  });
  return article && article.claims.length > 0 ? article : null;
}

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

/** The public corrections log shows the newest this many; older ones stay on each fact-check's page. */
export const PUBLIC_CORRECTIONS_LIMIT = 100;

/**
 * The public corrections log, newest first: each approved correction of a published fact-check, with
 * the verdict it had and the one it got, and its reason (the editor writes it as "Reason for the
 * correction", and the fact-check's page shows it too). Not shown: who reopened it, and corrections
 * still under way (the claim is not published meanwhile).
 */
export async function listPublicCorrections() {
  const corrections = await db().correction.findMany({
    where: { resolvedAt: { not: null }, newVerdict: { not: null }, claim: PUBLISHED_WHERE },
    select: {
      id: true,
      reason: true,
      previousVerdict: true,
      newVerdict: true,
      resolvedAt: true,
      claim: { select: { id: true, statement: true } },
    },
    orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
    take: PUBLIC_CORRECTIONS_LIMIT,
  });
  // The filter above makes both present; the types learn it here.
  return corrections.flatMap(({ resolvedAt, newVerdict, ...correction }) =>
    resolvedAt && newVerdict ? [{ ...correction, resolvedAt, newVerdict }] : [],
  );
}
