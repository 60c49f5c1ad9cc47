import { z } from "zod";

/** Every ClaimEvent.action the app writes. */
export const CLAIM_EVENT_ACTIONS = [
  "created",
  "started",
  "assigned",
  "edited",
  "proposed",
  "withdrawn",
  "approved",
  "sent_back",
  "reopened",
  "correction_approved",
  "source_added",
  "source_updated",
  "source_removed",
  "duplicate_linked",
  "duplicate_unlinked",
] as const;

export type ClaimEventAction = (typeof CLAIM_EVENT_ACTIONS)[number];

/** ClaimEvent.action is text in the database: what is read back is parsed, not cast. */
export const claimEventActionSchema = z.enum(CLAIM_EVENT_ACTIONS);

/** What each action means, for the timeline and for conflict messages. */
export const EVENT_LABELS: Record<ClaimEventAction, string> = {
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

export function eventLabel(action: ClaimEventAction): string {
  return EVENT_LABELS[action];
}
