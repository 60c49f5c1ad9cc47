import type { Actor } from "@/domains/users/rules";
import { hasRole } from "@/domains/users/roles";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { allow, type Decision, deny } from "@/lib/permission";

/** What the source rules read of the claim the sources belong to. */
interface SourcesClaim {
  status: ReviewStatus;
  assigneeId: string | null;
}

/** What the rules read of a source: its id and who added it, named in a refusal. */
interface ChangedSource {
  id: number;
  addedBy: { id: string; name: string };
}

/**
 * Who may edit or remove a source: the reviewer who added it, the claim's assignee (who answers for
 * the claim's evidence), or an editor or admin. Any reviewer may attach one (a desk pools its
 * evidence), but not take away a colleague's. Pure, so the claim page asks the same question the
 * server answers.
 */
export function mayChangeSource(
  user: Actor,
  claim: { assigneeId: string | null },
  source: { addedBy: { id: string } },
): boolean {
  return hasRole(user.role, "editor") || claim.assigneeId === user.id || source.addedBy.id === user.id;
}

/** Sources change while the claim is open (unreviewed or in progress), by anyone. */
export function mayAddSource(_actor: Actor, claim: SourcesClaim): Decision {
  if (claim.status === "awaiting_second_review") {
    return deny("This verdict is awaiting a second review: send it back before changing its sources.");
  }
  if (claim.status === "verified") {
    return deny("This claim is verified: an editor must reopen it before its sources can change.");
  }
  return allow();
}

/** Editing a source: while the claim is open, by whoever `mayChangeSource` names. */
export function mayEditSource(actor: Actor, claim: SourcesClaim, source: ChangedSource): Decision {
  const open = mayAddSource(actor, claim);
  if (!open.allowed) return open;
  if (mayChangeSource(actor, claim, source)) return allow();
  return deny(
    `Source #${source.id} was added by ${source.addedBy.name}: only they, the claim's assignee or an editor can change or remove it.`,
  );
}

/** Removing a source follows the same rule as editing it. */
export function mayRemoveSource(actor: Actor, claim: SourcesClaim, source: ChangedSource): Decision {
  return mayEditSource(actor, claim, source);
}
