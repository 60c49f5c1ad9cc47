import { hasRole, type CurrentUser } from "@/domains/users/roles";

/**
 * Who may edit or remove a source: the reviewer who added it, the claim's assignee (who answers for
 * the claim's evidence), or an editor or admin. Any reviewer may attach one (a desk pools its
 * evidence), but not take away a colleague's. Pure, so the claim page asks the same question the
 * server answers.
 */
export function mayChangeSource(
  user: Pick<CurrentUser, "id" | "role">,
  claim: { assigneeId: string | null },
  source: { addedBy: { id: string } },
): boolean {
  return hasRole(user.role, "editor") || claim.assigneeId === user.id || source.addedBy.id === user.id;
}
