import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { toIsoDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refuseUnless } from "@/lib/permission";
import { type ArticleDetail, articleDetailSelect } from "./data";
import { mayImportArticle } from "./rules";
import type { NewArticle } from "./schema";
import { firstFreeSlug, slugFromTitle } from "./slug";

type Tx = Prisma.TransactionClient;

async function freeSlugFor(tx: Tx, title: string): Promise<string> {
  const slug = slugFromTitle(title);
  const similar = await tx.article.findMany({
    where: { OR: [{ slug }, { slug: { startsWith: `${slug}-` } }] },
    select: { slug: true },
  });
  return firstFreeSlug(
    slug,
    similar.map((article) => article.slug),
  );
}

/** Checked before the text is read as well: reducing a large HTML page costs time nobody else should spend. */
export function assertMayAddArticles(actor: CurrentUser): void {
  refuseUnless(mayImportArticle(actor));
}

/**
 * Adds an article (editors and admins). The slug comes from the title, with `-2`, `-3`… when it is
 * taken: imports queue on one transaction-scoped lock while they choose it, so two imports of one
 * title at the same moment cannot pick the same slug (imports are rare: the wait is nothing). The
 * body is stored as the schema made it and never changes afterwards: claim offsets index into it.
 * An article given without a date is stored with the day of the import (UTC), since every article
 * has a publication date.
 */
export async function createArticle(actor: CurrentUser, input: NewArticle): Promise<ArticleDetail> {
  assertMayAddArticles(actor);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('article slugs'))`;
    return tx.article.create({
      data: {
        slug: await freeSlugFor(tx, input.title),
        title: input.title,
        url: input.url ?? null,
        publisher: input.publisher ?? null,
        author: input.author ?? null,
        publishedAt: input.publishedAt ?? new Date(`${toIsoDate(new Date())}T00:00:00Z`),
        language: input.language,
        body: input.body,
      },
      select: articleDetailSelect,
    });
  });
}
