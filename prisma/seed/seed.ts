import { createUserWithPassword } from "@/domains/users/credentials-mutations";
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

/** Development and test accounts, all with this password; never created in production. */
export const DEMO_PASSWORD = "demo-password-123";
export const DEMO_USERS = [
  { email: "reviewer1@example.org", name: "Rita Reviewer", role: "reviewer" },
  { email: "reviewer2@example.org", name: "Rémi Reviewer", role: "reviewer" },
  { email: "editor@example.org", name: "Edith Editor", role: "editor" },
  { email: "admin@example.org", name: "Adam Admin", role: "admin" },
] as const;

/** Idempotent: an existing account (even one whose role or password was changed since) is left alone. */
export async function seedDemoUsers(prisma: PrismaClient): Promise<number> {
  const existing = new Set(
    (
      await prisma.user.findMany({
        where: { email: { in: DEMO_USERS.map((user) => user.email) } },
        select: { email: true },
      })
    ).map((user) => user.email),
  );
  const missing = DEMO_USERS.filter((user) => !existing.has(user.email));
  for (const user of missing) await createUserWithPassword(prisma, { ...user, password: DEMO_PASSWORD });
  return missing.length;
}
