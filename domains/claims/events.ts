import { z } from "zod";
import { SOURCE_FIELDS } from "./source-record";

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
  "topic_changed",
  "retracted",
] as const;

export type ClaimEventAction = (typeof CLAIM_EVENT_ACTIONS)[number];

/** ClaimEvent.action is text in the database: what is read back is parsed, not cast. */
export const claimEventActionSchema = z.enum(CLAIM_EVENT_ACTIONS);

/**
 * Every field an event records before and after the change: the claim's columns a change sets, what
 * a new claim was created with, the notes of a review (its comment, a reopening's reason, who
 * proposed), and a source's fields with its id. The writers may record only these, so a field
 * written without a label in the timeline fails the typecheck.
 */
export const CLAIM_EVENT_FIELDS = [
  "status",
  "verdict",
  "rationale",
  "assigneeId",
  "proposedBy",
  "comment",
  "reason",
  "duplicateOfId",
  "startOffset",
  "endOffset",
  "quote",
  "statement",
  "topic",
  "id",
  ...SOURCE_FIELDS,
] as const;

export type ClaimEventField = (typeof CLAIM_EVENT_FIELDS)[number];

/** An event's `before` or `after` as written: some of the fields, each with its value then. */
export type ClaimEventFields = { readonly [Field in ClaimEventField]?: unknown };

/** Events are read back as JSON: a field name is parsed before it picks a label. */
export const claimEventFieldSchema = z.enum(CLAIM_EVENT_FIELDS);

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
  topic_changed: "changed the topic",
  retracted: "retracted the published fact-check",
};

export function eventLabel(action: ClaimEventAction): string {
  return EVENT_LABELS[action];
}
