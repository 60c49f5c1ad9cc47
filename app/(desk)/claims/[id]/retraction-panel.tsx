"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { Field, IDLE_STATE } from "@/components/forms";
import { retractClaimFromForm } from "@/domains/claims/actions";
import { ActionMessage, currentOutcome } from "./action-message";
import { ConflictNotice } from "./conflict-notice";

/** The schema's bounds (domains/claims/schema.ts), restated here so that zod stays out of the browser. */
const MIN_REASON = 10;
const MAX_REASON = 1_000;

/**
 * Retracting the claim's publication, for those the rules allow (`offered`): a public reason, then a
 * confirmation, since readers, search engines and partners are told at once. The outcome stays on
 * screen after the form goes (a retracted claim offers it no more).
 */
export function RetractionPanel({ claimId, version, offered }: { claimId: number; version: number; offered: boolean }) {
  const [state, retract] = useActionState(retractClaimFromForm, IDLE_STATE);
  const shown = currentOutcome(state, version);
  if (!offered && shown.status === "idle") return null;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <ActionMessage state={shown} />
      <ConflictNotice state={shown} />
      {offered ? (
        <form
          action={retract}
          key={state.status === "error" ? `error-${state.at}` : `stored-${version}`}
          className="space-y-3"
          noValidate
        >
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <h3 className="text-sm font-semibold">Retract publication</h3>
          <Field
            id="retraction-reason"
            name="reason"
            label="Reason, shown to readers"
            hint={`Readers see it on the public page (${MIN_REASON} to ${MAX_REASON} characters).`}
            state={shown}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={MAX_REASON}
                defaultValue={state.status === "error" ? (state.values.reason ?? "") : ""}
              />
            )}
          </Field>
          <ConfirmButton
            title="Retract this fact-check?"
            description="Its public page will say it was retracted, with your reason; its ClaimReview is withdrawn and it leaves the index, the feeds and the sitemap. A retraction cannot be undone."
            confirmLabel="Yes, retract it"
          >
            Retract publication
          </ConfirmButton>
        </form>
      ) : null}
    </div>
  );
}
