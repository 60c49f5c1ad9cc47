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
 * Articles, newest first, with their claim counts: two queries whatever the number of articles.
 * `limit` keeps the overview's cost flat when a desk has tracked thousands of articles.
 */
export async function listArticles(options: { limit?: number } = {}): Promise<ArticleSummary[]> {
  const articles = await db().article.findMany({
    select: { id: true, title: true, publisher: true, publishedAt: true, _count: { select: { claims: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit,
  });
  const verified = await db().claim.groupBy({
    by: ["articleId"],
    where: { status: "verified", articleId: { in: articles.map((article) => article.id) } },
    _count: { _all: true },
  });
  const verifiedByArticle = new Map(verified.map((group) => [group.articleId, group._count._all]));
  return articles.map(({ _count, ...article }) => ({
    ...article,
    claimCount: _count.claims,
    verifiedCount: verifiedByArticle.get(article.id) ?? 0,
  }));
}

const articleDetailSelect = {
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
