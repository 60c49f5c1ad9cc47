"use client";

import { STATUS_LABELS, VERDICT_LABELS } from "@/domains/claims/labels";
import type { ActionState } from "@/lib/action-state";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";

interface ConflictDetails {
  current: {
    version: number;
    status: ReviewStatus;
    verdict: Verdict;
    rationale: string | null;
    assignee: { name: string } | null;
  };
  lastChange: { actor: { name: string } | null; at: string } | null;
}

export function conflictOf(state: ActionState): ConflictDetails | null {
  if (state.status !== "error" || !state.details || !("current" in state.details)) return null;
  return state.details as unknown as ConflictDetails;
}

/** What changed under the user's feet: who, when, and the values now stored. Their own input stays in the form. */
export function ConflictNotice({ state }: { state: ActionState }) {
  const conflict = conflictOf(state);
  if (!conflict) return null;
  const { current, lastChange } = conflict;
  return (
    <div className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        Changed by {lastChange?.actor?.name ?? "someone"}
        {lastChange ? ` at ${new Date(lastChange.at).toLocaleTimeString("en-GB", { timeZone: "UTC" })} UTC` : ""}. Now
        stored:
      </p>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3">
        <dt>Status</dt>
        <dd>{STATUS_LABELS[current.status]}</dd>
        <dt>Verdict</dt>
        <dd>{VERDICT_LABELS[current.verdict]}</dd>
        <dt>Rationale</dt>
        <dd className="whitespace-pre-wrap">{current.rationale ?? "(none)"}</dd>
        <dt>Assignee</dt>
        <dd>{current.assignee?.name ?? "(unassigned)"}</dd>
      </dl>
      <p className="mt-1">Your input is kept below: save again to replace these values, or change it first.</p>
    </div>
  );
}
