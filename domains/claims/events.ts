/** What each ClaimEvent.action means, for the timeline and for conflict messages. */
export const EVENT_LABELS: Record<string, string> = {
  created: "added the claim",
  started: "started work on the claim",
  assigned: "changed the assignee",
  edited: "edited the verdict or rationale",
  proposed: "proposed a verdict for second review",
  withdrawn: "withdrew the proposed verdict",
  approved: "approved the verdict",
  sent_back: "sent the verdict back",
  reopened: "reopened the claim for a correction",
  correction_approved: "approved the corrected verdict",
  source_added: "added a source",
  source_updated: "edited a source",
  source_removed: "removed a source",
  duplicate_linked: "marked the claim as a duplicate of an earlier one",
  duplicate_unlinked: "cleared the duplicate mark",
};

export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action.replaceAll("_", " ");
}
