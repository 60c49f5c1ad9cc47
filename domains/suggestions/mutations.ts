import "server-only";
import { type CurrentUser, hasRole } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Dismissal } from "./schema";
import { SUGGESTION_ENGINE_VERSION, type Suggestion, suggestClaimsInSlices } from "./suggest";

/** Remembers that an editor set a suggested span aside, so it is not suggested again. Dismissing twice is harmless. */
export async function dismissSuggestion(actor: CurrentUser, articleId: number, span: Dismissal): Promise<void> {
  if (!hasRole(actor.role, "editor")) throw new DomainError("forbidden", "Only editors and admins dismiss suggestions.");
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
 * One statement (INSERT … ON CONFLICT DO UPDATE: Prisma's upsert on the primary key alone), so instances computing
 * the same article at once cannot collide; they store the same result anyway.
 */
export async function storeSuggestions(articleId: number, items: Suggestion[]): Promise<void> {
  // Suggestion is an interface, which TypeScript does not take for an index signature: it is plain JSON all the same.
  const stored = { engineVersion: SUGGESTION_ENGINE_VERSION, items: items as unknown as Prisma.InputJsonArray };
  await db().articleSuggestions.upsert({
    where: { articleId },
    create: { articleId, ...stored },
    update: { ...stored, computedAt: new Date() },
  });
}
