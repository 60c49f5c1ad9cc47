"use client";

import { useActionState } from "react";
import { Field, FieldError, IDLE_STATE, INPUT, LABEL, SubmitButton } from "@/components/forms";
import { reopenClaimFromForm, reviewClaimFromForm, updateClaimFromForm } from "@/domains/claims/actions";
import { VERDICT_LABELS, VERDICTS } from "@/domains/claims/labels";
import { MIN_RATIONALE_LENGTH } from "@/domains/claims/limits";
import type { ActionState } from "@/lib/action-state";
import type { WorkflowOffers } from "@/domains/claims/rules";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { ActionMessage, currentOutcome } from "./action-message";
import { ConflictNotice } from "./conflict-notice";
import { useVerdictDraft } from "./verdict-draft";

interface Person {
  id: string;
  name: string;
}

export interface WorkflowProps {
  claimId: number;
  version: number;
  verdict: Verdict;
  rationale: string | null;
  assignee: Person | null;
  proposedBy: Person | null;
  /** What the viewer may do here, from the claim rules (domains/claims/rules.ts). */
  offers: WorkflowOffers;
  assignableUsers: Person[];
}

function Hidden({ claimId, version }: { claimId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** After an error the form is rebuilt from what the user typed; after a change, from the stored claim. */
function formKey(state: ActionState, stored: string | number) {
  return state.status === "error" ? `error-${state.at}` : `stored-${stored}`;
}

function typed(state: ActionState, name: string, stored: string): string {
  return state.status === "error" && name in state.values ? state.values[name]! : stored;
}

export function WorkflowPanel(props: WorkflowProps) {
  const { claimId, version, assignee, offers } = props;
  const [state, action] = useActionState(updateClaimFromForm, IDLE_STATE);
  // Held here, not in the forms: approving or reopening removes the form, and its outcome must stay on screen.
  const [reviewState, reviewAction] = useActionState(reviewClaimFromForm, IDLE_STATE);
  const [reopenState, reopenAction] = useActionState(reopenClaimFromForm, IDLE_STATE);
  const latest = currentOutcome(
    [state, reviewState, reopenState].reduce((newest, candidate) =>
      candidate.status !== "idle" && (newest.status === "idle" || candidate.at > newest.at) ? candidate : newest,
    ),
    version,
  );

  // The one next action first and prominent (full width), then the assignment controls, which are secondary.
  return (
    <div className="space-y-4">
      <ActionMessage state={latest} />
      <ConflictNotice state={latest} />

      {offers.takeAndStart ? (
        <form action={action} className="grid gap-2">
          <Hidden claimId={claimId} version={version} />
          <p className="text-sm text-slate-700">Nobody is working on this claim yet.</p>
          <SubmitButton name="intent" value="take_and_start">
            Take and start
          </SubmitButton>
        </form>
      ) : null}

      {offers.start ? (
        <form action={action} className="grid">
          <Hidden claimId={claimId} version={version} />
          <SubmitButton name="intent" value="start">
            Start work
          </SubmitButton>
        </form>
      ) : null}

      {offers.draft ? (
        <VerdictForm
          // Rebuilt, with its kept draft read again, when the stored verdict changes (a save), not when a source is added.
          key={formKey(state, JSON.stringify([props.verdict, props.rationale]))}
          claimId={claimId}
          version={version}
          stored={{ verdict: props.verdict, rationale: props.rationale ?? "" }}
          state={state}
          action={action}
        />
      ) : null}

      {offers.workedOnByOthers ? (
        <p className="text-sm text-slate-700">
          {assignee ? `${assignee.name} is working on this claim.` : "Take the claim to work on it."}
        </p>
      ) : null}

      {offers.review ? (
        <AwaitingReview
          {...props}
          review={offers.review}
          state={reviewState}
          submitReview={reviewAction}
          withdraw={action}
        />
      ) : null}

      {offers.reopen ? (
        <ReopenForm claimId={claimId} version={version} state={reopenState} reopen={reopenAction} />
      ) : null}

      {offers.take || offers.release || offers.assign ? (
        <form
          action={action}
          key={`assign-${formKey(state, assignee?.id ?? "")}`}
          // No rule of its own when it is the panel's first control (a retracted claim offers nothing before it).
          className="flex flex-wrap items-end gap-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0"
        >
          <Hidden claimId={claimId} version={version} />
          {offers.take ? (
            <SubmitButton variant="secondary" name="intent" value="take">
              Take this claim
            </SubmitButton>
          ) : null}
          {offers.release ? (
            <SubmitButton variant="secondary" name="intent" value="release">
              Release
            </SubmitButton>
          ) : null}
          {offers.assign ? (
            <>
              <div className="min-w-0 flex-1">
                <label htmlFor="assigneeId" className={LABEL}>
                  Assign to
                </label>
                <select id="assigneeId" name="assigneeId" defaultValue={assignee?.id ?? ""} className={INPUT}>
                  <option value="">Nobody</option>
                  {props.assignableUsers.map((user) => (
                    <option key={user.id} value={user.id}>
                      {user.name}
                    </option>
                  ))}
                </select>
              </div>
              <SubmitButton variant="secondary" name="intent" value="assign">
                Assign
              </SubmitButton>
            </>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function VerdictForm({
  claimId,
  version,
  stored,
  state,
  action,
}: {
  claimId: number;
  version: number;
  stored: { verdict: string; rationale: string };
  state: ActionState;
  action: (formData: FormData) => void;
}) {
  const [draftForm, keepDraft] = useVerdictDraft(claimId, stored);
  const shown = currentOutcome(state, version);
  return (
    <form action={action} ref={draftForm} onInput={keepDraft} className="space-y-3" noValidate>
      <Hidden claimId={claimId} version={version} />
      <h3 className="text-sm font-semibold">Your verdict</h3>
      <Field id="verdict" name="verdict" label="Verdict" state={shown}>
        {(control) => (
          <select {...control} defaultValue={typed(state, "verdict", stored.verdict)}>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="rationale"
        name="rationale"
        label="Rationale"
        state={shown}
        hint={`At least ${MIN_RATIONALE_LENGTH} characters to propose; a proposal also needs a source unless the verdict is “Not a claim”.`}
      >
        {(control) => <textarea {...control} rows={5} defaultValue={typed(state, "rationale", stored.rationale)} />}
      </Field>
      <FieldError id="sources-error" state={shown} name="sources" />
      <div className="grid gap-2">
        <SubmitButton name="intent" value="propose">
          Propose for second review
        </SubmitButton>
        <SubmitButton variant="secondary" name="intent" value="save">
          Save draft
        </SubmitButton>
      </div>
    </form>
  );
}

function AwaitingReview({
  claimId,
  version,
  proposedBy,
  review,
  state,
  submitReview,
  withdraw,
}: WorkflowProps & {
  review: NonNullable<WorkflowOffers["review"]>;
  state: ActionState;
  submitReview: (formData: FormData) => void;
  withdraw: (formData: FormData) => void;
}) {
  const shown = currentOutcome(state, version);
  return (
    <div className="space-y-3">
      <p className="text-sm">Proposed by {proposedBy?.name ?? "a reviewer"}; a second person must approve it.</p>
      {review.proposedByViewer ? (
        <p className="text-sm text-slate-700">You proposed this verdict, so someone else reviews it.</p>
      ) : null}
      {review.sendBack.allowed ? (
        <form action={submitReview} key={formKey(state, version)} className="space-y-3" noValidate>
          <Hidden claimId={claimId} version={version} />
          <h3 className="text-sm font-semibold">Your review</h3>
          <Field
            id="review-comment"
            name="comment"
            label="Review comment"
            state={shown}
            hint="Required when sending back: say what needs another look."
          >
            {(control) => <textarea {...control} rows={3} defaultValue={typed(state, "comment", "")} />}
          </Field>
          {review.approve.allowed ? null : <p className="text-sm text-slate-700">{review.approve.reason}</p>}
          <div className="flex gap-2 *:flex-1">
            {review.approve.allowed ? (
              <SubmitButton name="decision" value="approve">
                Approve verdict
              </SubmitButton>
            ) : null}
            <SubmitButton variant="secondary" name="decision" value="send_back">
              Send back
            </SubmitButton>
          </div>
        </form>
      ) : null}
      {review.withdraw.allowed ? (
        <form action={withdraw}>
          <Hidden claimId={claimId} version={version} />
          <SubmitButton variant="secondary" name="intent" value="withdraw">
            Withdraw proposal
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

function ReopenForm({
  claimId,
  version,
  state,
  reopen,
}: {
  claimId: number;
  version: number;
  state: ActionState;
  reopen: (formData: FormData) => void;
}) {
  return (
    <form action={reopen} key={formKey(state, version)} className="space-y-3" noValidate>
      <Hidden claimId={claimId} version={version} />
      <Field id="reopen-reason" name="reason" label="Reason for the correction" state={currentOutcome(state, version)}>
        {(control) => <textarea {...control} rows={3} defaultValue={typed(state, "reason", "")} />}
      </Field>
      <SubmitButton variant="danger">Reopen for correction</SubmitButton>
    </form>
  );
}
