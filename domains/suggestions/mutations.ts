import "server-only";
import { type CurrentUser, hasRole } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Dismissal } from "./schema";

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
