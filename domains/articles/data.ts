import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface ArticleSummary {
  id: number;
  title: string;
  publisher: string | null;
  publishedAt: Date;
  claimCount: number;
  verifiedCount: number;
}

/**
 * Articles, newest first, with their claim counts from the tally: two queries whatever the number
 * of articles or claims.
 * `limit` keeps the overview's cost flat when a desk has tracked thousands of articles.
 */
export async function listArticles(options: { limit?: number } = {}): Promise<ArticleSummary[]> {
  const articles = await db().article.findMany({
    select: { id: true, title: true, publisher: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  const tallies = await db().claimTally.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: articles.map((article) => article.id) } },
    _sum: { count: true },
  });
  const counts = new Map<number, { claimCount: number; verifiedCount: number }>();
  for (const tally of tallies) {
    const entry = counts.get(tally.articleId) ?? { claimCount: 0, verifiedCount: 0 };
    entry.claimCount += tally._sum.count ?? 0;
    if (tally.status === "verified") entry.verifiedCount += tally._sum.count ?? 0;
    counts.set(tally.articleId, entry);
  }
  return articles.map((article) => ({
    ...article,
    ...(counts.get(article.id) ?? { claimCount: 0, verifiedCount: 0 }),
  }));
}

export const articleDetailSelect = {
  id: true,
  slug: true,
  title: true,
  url: true,
  publisher: true,
  issue: true,
  author: true,
  credit: true,
  publishedAt: true,
  language: true,
  body: true,
  claims: {
    select: {
      id: true,
      quote: true,
      startOffset: true,
      endOffset: true,
      statement: true,
      topic: true,
      status: true,
      verdict: true,
    },
    orderBy: [{ startOffset: "asc" }, { endOffset: "desc" }],
  },
} satisfies Prisma.ArticleSelect;

export type ArticleDetail = Prisma.ArticleGetPayload<{ select: typeof articleDetailSelect }>;

export async function getArticle(id: number): Promise<ArticleDetail | null> {
  return db().article.findUnique({ where: { id }, select: articleDetailSelect });
}

export async function countArticles(): Promise<number> {
  return db().article.count();
}
