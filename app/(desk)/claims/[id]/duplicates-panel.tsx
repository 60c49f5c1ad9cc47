"use client";

import Link from "next/link";
import { useActionState } from "react";
import { StatusBadge, VerdictBadge } from "@/components/badges";
import { IDLE_STATE, SubmitButton } from "@/components/forms";
import { linkDuplicateFromForm, startFromDuplicateFromForm } from "@/domains/claims/actions";
import type { DuplicateOffers } from "@/domains/claims/rules";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { ActionMessage, currentOutcome } from "./action-message";

interface ClaimSummary {
  id: number;
  statement: string;
  status: ReviewStatus;
  verdict: Verdict;
}

export interface DuplicatesPanelProps {
  claimId: number;
  version: number;
  /** What the viewer may do here, from the claim rules (domains/claims/rules.ts). */
  offers: DuplicateOffers;
  duplicateOf: (ClaimSummary & { newSourceCount: number }) | null;
  similar: (ClaimSummary & { articleId: number; articleTitle: string; similarity: number })[];
}

const LINK = "text-blue-800 underline underline-offset-2";

function Hidden({ claimId, version }: { claimId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function DuplicatesPanel({ claimId, version, offers, duplicateOf, similar }: DuplicatesPanelProps) {
  const [linkState, linkAction] = useActionState(linkDuplicateFromForm, IDLE_STATE);
  const [startState, startAction] = useActionState(startFromDuplicateFromForm, IDLE_STATE);
  const latest =
    startState.status !== "idle" && (linkState.status === "idle" || startState.at > linkState.at)
      ? startState
      : linkState;

  return (
    <div className="mt-3 space-y-4">
      <ActionMessage state={currentOutcome(latest, version)} />
      {duplicateOf ? (
        <div className="space-y-3 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          <p>
            Marked as a duplicate of{" "}
            <Link href={`/claims/${duplicateOf.id}`} className={LINK}>
              claim #{duplicateOf.id}
            </Link>
            : “{duplicateOf.statement}” <VerdictBadge verdict={duplicateOf.verdict} />
          </p>
          {offers.takeFromOriginal === "original_reopened" ? (
            <p className="text-slate-700">
              Claim #{duplicateOf.id} was reopened for a correction: its verdict and sources can be taken once it is
              verified again.
            </p>
          ) : offers.takeFromOriginal === "original_retracted" ? (
            <p className="text-slate-700">
              Claim #{duplicateOf.id} was retracted: its verdict and sources are no longer anyone&rsquo;s starting
              point.
            </p>
          ) : offers.takeFromOriginal === "offered" ? (
            <form action={startAction} className="flex flex-wrap gap-2">
              <Hidden claimId={claimId} version={version} />
              <SubmitButton variant="secondary" name="take" value="verdict">
                Start from its verdict
              </SubmitButton>
              <SubmitButton variant="secondary" name="take" value="sources">
                {`Attach its sources (${duplicateOf.newSourceCount} not attached yet)`}
              </SubmitButton>
            </form>
          ) : offers.takeFromOriginal === "start_work_first" ? (
            <p className="text-slate-700">Start work on the claim to take its verdict or sources.</p>
          ) : null}
          {offers.mark ? (
            <form action={linkAction}>
              <Hidden claimId={claimId} version={version} />
              <input type="hidden" name="duplicateOfId" value="" />
              <SubmitButton variant="danger">Clear the duplicate mark</SubmitButton>
            </form>
          ) : null}
        </div>
      ) : null}

      {similar.length === 0 ? (
        <p className="text-sm text-slate-700">No verified claim reads like this one.</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {similar.map((other) => (
            <li key={other.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 flex-1 space-y-1">
                <p>
                  <Link href={`/claims/${other.id}`} className={LINK}>
                    #{other.id}
                  </Link>{" "}
                  {other.statement}
                </p>
                <p className="flex flex-wrap items-center gap-2 text-slate-700">
                  <StatusBadge status={other.status} />
                  <VerdictBadge verdict={other.verdict} />
                  <span>
                    {Math.round(other.similarity * 100)}% alike · {other.articleTitle}
                  </span>
                </p>
              </div>
              {offers.mark && duplicateOf?.id !== other.id ? (
                <form action={linkAction}>
                  <Hidden claimId={claimId} version={version} />
                  <input type="hidden" name="duplicateOfId" value={other.id} />
                  <SubmitButton variant="secondary">{`Mark as duplicate of #${other.id}`}</SubmitButton>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
