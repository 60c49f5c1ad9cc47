import "server-only";
import { db } from "@/lib/db";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { PUBLISHED_WHERE } from "./data";

/** How many fact-checks the feeds carry: the newest, as readers and aggregators poll for news. */
export const FEED_SIZE = 50;

/**
 * URLs per numbered sitemap. The protocol allows 50,000 (and 50 MB); a fifth of that keeps each file
 * near 1 MB and each query a short primary-key range.
 */
export const URLS_PER_SITEMAP = 10_000;

export interface FeedEntry {
  id: number;
  statement: string;
  verdict: Verdict;
  rationale: string | null;
  verifiedAt: Date;
  /** The claim's last change (at least its verification). */
  updatedAt: Date;
}

/** The newest published fact-checks by verification (a correction, approved again, counts as new). */
export async function listNewestPublished(): Promise<FeedEntry[]> {
  const rows = await db().claim.findMany({
    where: { ...PUBLISHED_WHERE, verifiedAt: { not: null } },
    select: { id: true, statement: true, verdict: true, rationale: true, verifiedAt: true, updatedAt: true },
    orderBy: [{ verifiedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
  });
  return rows.flatMap(({ verifiedAt, updatedAt, ...row }) =>
    verifiedAt ? [{ ...row, verifiedAt, updatedAt: latest(verifiedAt, updatedAt)! }] : [],
  );
}

export interface SitemapEntry {
  id: number;
  lastModified: Date;
}

export interface SitemapChunk {
  /** 1 for ids 1 to URLS_PER_SITEMAP, 2 for the next range, and so on. */
  number: number;
  lastModified: Date;
}

function idRange(chunk: number): { gt: number; lte: number } {
  return { gt: (chunk - 1) * URLS_PER_SITEMAP, lte: chunk * URLS_PER_SITEMAP };
}

function chunkCount(maxId: number | null): number {
  return maxId === null ? 0 : Math.ceil(maxId / URLS_PER_SITEMAP);
}

function latest(...dates: (Date | null | undefined)[]): Date | null {
  const known = dates.filter((date): date is Date => date instanceof Date);
  return known.length === 0 ? null : new Date(Math.max(...known.map((date) => date.getTime())));
}

/**
 * The published fact-checks whose id is in the chunk's range, in id order, each with its last change.
 * A chunk is a fixed id range, so a fact-check stays in the same sitemap for good, and reading one is
 * a primary-key range scan whatever the number of claims.
 */
export async function listFactCheckSitemap(chunk: number): Promise<SitemapEntry[]> {
  const rows = await db().claim.findMany({
    where: { ...PUBLISHED_WHERE, id: idRange(chunk) },
    select: { id: true, updatedAt: true, verifiedAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ id: row.id, lastModified: latest(row.updatedAt, row.verifiedAt)! }));
}

/**
 * The articles of the chunk's id range that have a public page (at least one published fact-check),
 * in id order. An article page changes with the article and with any of its verified claims, a
 * retracted one included (it leaves the page).
 */
export async function listArticleSitemap(chunk: number): Promise<SitemapEntry[]> {
  const rows = await db().article.findMany({
    where: { id: idRange(chunk), claims: { some: PUBLISHED_WHERE } },
    select: {
      id: true,
      updatedAt: true,
      claims: {
        where: { status: "verified" },
        select: { updatedAt: true },
        orderBy: { updatedAt: "desc" },
        take: 1,
      },
    },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({ id: row.id, lastModified: latest(row.updatedAt, row.claims[0]?.updatedAt)! }));
}

/** The numbered fact-check sitemaps that list something, each with the last change of what it lists. */
async function factCheckChunks(): Promise<SitemapChunk[]> {
  const { _max } = await db().claim.aggregate({ where: PUBLISHED_WHERE, _max: { id: true } });
  const chunks = await Promise.all(
    Array.from({ length: chunkCount(_max.id) }, async (_, index) => {
      const number = index + 1;
      const { _max: newest } = await db().claim.aggregate({
        where: { ...PUBLISHED_WHERE, id: idRange(number) },
        _max: { updatedAt: true, verifiedAt: true },
      });
      const lastModified = latest(newest.updatedAt, newest.verifiedAt);
      return lastModified ? { number, lastModified } : null;
    }),
  );
  return chunks.filter((chunk) => chunk !== null);
}

/** The numbered article sitemaps that list something, each with the last change of what it lists. */
async function articleChunks(): Promise<SitemapChunk[]> {
  const { _max } = await db().claim.aggregate({ where: PUBLISHED_WHERE, _max: { articleId: true } });
  const chunks = await Promise.all(
    Array.from({ length: chunkCount(_max.articleId) }, async (_, index) => {
      const number = index + 1;
      const range = idRange(number);
      const [articles, claims] = await Promise.all([
        db().article.aggregate({
          where: { id: range, claims: { some: PUBLISHED_WHERE } },
          _max: { updatedAt: true },
          _count: { _all: true },
        }),
        db().claim.aggregate({ where: { status: "verified", articleId: range }, _max: { updatedAt: true } }),
      ]);
      if (articles._count._all === 0) return null;
      return { number, lastModified: latest(articles._max.updatedAt, claims._max.updatedAt)! };
    }),
  );
  return chunks.filter((chunk) => chunk !== null);
}

export interface PublicPagesChanges {
  /** The public index changes with every verification and retraction; null while nothing was ever verified. */
  indexLastModified: Date | null;
  /** The public corrections log changes with every approved correction and every retraction. */
  correctionsLastModified: Date | null;
}

/** When the readers' own pages (the index of fact-checks, the corrections log) last changed. */
export async function getPublicPagesChanges(): Promise<PublicPagesChanges> {
  const [verified, retracted, corrections] = await Promise.all([
    db().claim.aggregate({ where: { status: "verified" }, _max: { updatedAt: true, verifiedAt: true } }),
    db().claim.aggregate({ where: { retractedAt: { not: null } }, _max: { retractedAt: true } }),
    db().correction.aggregate({ where: { resolvedAt: { not: null } }, _max: { resolvedAt: true } }),
  ]);
  return {
    indexLastModified: latest(verified._max.updatedAt, verified._max.verifiedAt, retracted._max.retractedAt),
    correctionsLastModified: latest(corrections._max.resolvedAt, retracted._max.retractedAt),
  };
}

export interface SitemapOverview extends PublicPagesChanges {
  factChecks: SitemapChunk[];
  articles: SitemapChunk[];
}

/** What the sitemap index lists: the site's pages, and each numbered sitemap with its last change. */
export async function getSitemapOverview(): Promise<SitemapOverview> {
  const [pages, factChecks, articles] = await Promise.all([
    getPublicPagesChanges(),
    factCheckChunks(),
    articleChunks(),
  ]);
  return { ...pages, factChecks, articles };
}

/** A published fact-check's statement, for an oEmbed answer; null when the id is not published. */
export async function findPublishedStatement(id: number): Promise<{ id: number; statement: string } | null> {
  return db().claim.findFirst({ where: { ...PUBLISHED_WHERE, id }, select: { id: true, statement: true } });
}

/** What a fact-check's embed card shows; retracted ones too (the card then says so), unverified ones never. */
export async function getEmbedCard(id: number) {
  const claim = await db().claim.findFirst({
    where: { id, status: "verified", verifiedAt: { not: null } },
    select: {
      id: true,
      statement: true,
      verdict: true,
      rationale: true,
      verifiedAt: true,
      retractedAt: true,
      retractionReason: true,
    },
  });
  return claim?.verifiedAt ? { ...claim, verifiedAt: claim.verifiedAt } : null;
}
