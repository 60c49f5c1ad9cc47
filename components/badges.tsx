import { STATUS_LABELS, VERDICT_LABELS } from "@/domains/claims/labels";
import { verdictStage } from "@/domains/claims/verdict-stage";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";

const STATUS_STYLES: Record<ReviewStatus, string> = {
  unreviewed: "bg-slate-100 text-slate-800 ring-slate-300",
  in_progress: "bg-amber-100 text-amber-900 ring-amber-300",
  awaiting_second_review: "bg-violet-100 text-violet-900 ring-violet-300",
  verified: "bg-emerald-100 text-emerald-900 ring-emerald-300",
};

/** Shapes as well as colours, so status never depends on colour alone. */
export const STATUS_GLYPHS: Record<ReviewStatus, string> = {
  unreviewed: "○",
  in_progress: "◐",
  awaiting_second_review: "◑",
  verified: "●",
};

/** A verdict's colours (fill, text, ring), for its badge and for the public page's large rating. */
export const VERDICT_STYLES: Record<Verdict, string> = {
  unrated: "bg-white text-slate-700 ring-slate-300",
  true: "bg-emerald-50 text-emerald-900 ring-emerald-400",
  mostly_true: "bg-teal-50 text-teal-900 ring-teal-400",
  mixed: "bg-amber-50 text-amber-900 ring-amber-400",
  mostly_false: "bg-orange-50 text-orange-900 ring-orange-400",
  false: "bg-red-50 text-red-900 ring-red-400",
  misleading: "bg-rose-50 text-rose-900 ring-rose-400",
  unverifiable: "bg-slate-50 text-slate-800 ring-slate-400",
  not_a_claim: "bg-slate-50 text-slate-800 ring-slate-400",
};

const BADGE =
  "inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return (
    <span className={`${BADGE} ${STATUS_STYLES[status]}`} data-status={status}>
      <span aria-hidden="true">{STATUS_GLYPHS[status]}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`${BADGE} ${VERDICT_STYLES[verdict]}`} data-verdict={verdict}>
      <span className="sr-only">Verdict: </span>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}

/** Quiet on purpose: no fill and a dashed edge, so an unsettled verdict never reads as a settled one. */
const UNSETTLED_BADGE =
  "inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-dashed border-slate-400 bg-transparent px-2 py-0.5 text-xs font-medium text-slate-700";

const UNSETTLED_PREFIX = { proposed: "Proposed", draft: "Draft" } as const;

/**
 * A claim's verdict as far as it has come: the settled verdict as VerdictBadge shows it, or a proposed
 * or draft one as "Proposed: True" / "Draft: True" in a dashed, unfilled badge. Lists, queues and the
 * claim page's header show this one; VerdictBadge alone is for a verdict known to be settled.
 */
export function ClaimVerdictBadge({ status, verdict }: { status: ReviewStatus; verdict: Verdict }) {
  const stage = verdictStage({ status, verdict });
  if (stage === "settled" || stage === "none") return <VerdictBadge verdict={verdict} />;
  return (
    <span className={UNSETTLED_BADGE} data-verdict={verdict} data-verdict-stage={stage}>
      <span className="sr-only">Verdict </span>
      {UNSETTLED_PREFIX[stage]}: {VERDICT_LABELS[verdict]}
    </span>
  );
}
