import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { refuseUnless } from "@/lib/permission";
import { mayDismissSuggestion } from "./rules";
import type { Dismissal } from "./schema";
import { SUGGESTION_ENGINE_VERSION, type Suggestion, suggestClaimsInSlices } from "./suggest";

/** Remembers that an editor set a suggested span aside, so it is not suggested again. Dismissing twice is harmless. */
export async function dismissSuggestion(actor: CurrentUser, articleId: number, span: Dismissal): Promise<void> {
  refuseUnless(mayDismissSuggestion(actor));
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new DomainError("not_found", "No article has this id.");
  await db().suggestionDismissal.upsert({
    where: { articleId_startOffset_endOffset: { articleId, ...span } },
    create: { articleId, ...span, dismissedById: actor.id },
    update: {},
  });
}

/** Computations under way in this process, so that editors opening a new article together share one. */
const computing = new Map<number, Promise<Suggestion[] | null>>();

/**
 * Runs the engine on an article's body, in slices that leave the server answering others, and stores the result
 * for every later view. Null for an unknown article.
 */
export function computeArticleSuggestions(articleId: number): Promise<Suggestion[] | null> {
  const running = computing.get(articleId);
  if (running) return running;
  const computation = (async () => {
    const article = await db().article.findUnique({ where: { id: articleId }, select: { body: true, language: true } });
    if (!article) return null;
    const items = await suggestClaimsInSlices(article.body, article.language);
    await storeSuggestions(articleId, items);
    return items;
  })().finally(() => computing.delete(articleId));
  computing.set(articleId, computation);
  return computation;
}

/**
 * One statement, INSERT … ON CONFLICT DO UPDATE, so instances computing the same article at once cannot collide: they
 * store the same result anyway. The items go as one JSON text: Prisma's own handling of a JSON value held the event
 * loop for 35-140 ms on the largest results (1,000-2,000 items), this takes a JSON.stringify (about a millisecond).
 */
export async function storeSuggestions(articleId: number, items: Suggestion[]): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "ArticleSuggestions" ("articleId", "engineVersion", items, "computedAt")
    VALUES (${articleId}, ${SUGGESTION_ENGINE_VERSION}, ${JSON.stringify(items)}::jsonb, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("articleId") DO UPDATE
    SET "engineVersion" = EXCLUDED."engineVersion", items = EXCLUDED.items, "computedAt" = EXCLUDED."computedAt"`;
}
