import type { PrismaClient } from "@/lib/generated/prisma/client";
import { readSeedArticleBody, seedArticle } from "./article";
import { seedClaims } from "./claims";
import { locateSeedClaims } from "./locate";

export interface SeedResult {
  articleCreated: boolean;
  claimsCreated: number;
  claimsInSeed: number;
}

/**
 * Idempotent: an existing article or claim (matched by slug, and by article and span) is
 * left exactly as it is, so running it again never undoes review work.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedResult> {
  const body = readSeedArticleBody();
  const located = locateSeedClaims(body, seedClaims);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({ where: { slug: seedArticle.slug }, select: { id: true } });
    const article = existing ?? (await tx.article.create({ data: { ...seedArticle, body }, select: { id: true } }));
    const created = await tx.claim.createMany({
      data: located.map((claim) => ({
        articleId: article.id,
        quote: claim.quote,
        startOffset: claim.startOffset,
        endOffset: claim.endOffset,
        statement: claim.statement,
        topic: claim.topic,
        attributedTo: claim.attributedTo ?? null,
      })),
      skipDuplicates: true,
    });
    return { articleCreated: !existing, claimsCreated: created.count, claimsInSeed: located.length };
  });
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.article.count()) === 0;
}
