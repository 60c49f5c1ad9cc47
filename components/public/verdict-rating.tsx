import { useId } from "react";
import { VERDICT_STYLES } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import type { Verdict } from "@/lib/generated/prisma/enums";

/**
 * The verdict as the page's most prominent thing: a large rating label in the verdict's colours, with
 * the reasons under it. Its heading is read once, "Our verdict: Mostly true": the colon, for screen
 * readers, is invisible but inline (an sr-only one is positioned, and Chrome then names the heading
 * "Our verdict : Mostly true").
 */
export function VerdictRating({ verdict, children }: { verdict: Verdict; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      data-verdict={verdict}
      className={`rounded-xl p-5 ring-2 ring-inset sm:p-6 ${VERDICT_STYLES[verdict]}`}
    >
      <h2 id={headingId} className="flex flex-col gap-1">
        <span className="text-sm font-semibold tracking-wide uppercase">
          Our verdict<span className="text-[0px]">:</span>
        </span>{" "}
        <span className="text-4xl leading-tight font-bold tracking-tight sm:text-5xl">{VERDICT_LABELS[verdict]}</span>
      </h2>
      <div className="mt-4 border-t border-current/20 pt-4 text-slate-900">{children}</div>
    </section>
  );
}

/** Takes the verdict's place once a fact-check is retracted: the verdict no longer stands, and why. */
export function RetractionNotice({ retractedAt, reason }: { retractedAt: Date; reason: string | null }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl bg-red-50 p-5 text-red-950 ring-2 ring-red-400 ring-inset sm:p-6"
    >
      <h2 id={headingId} className="text-3xl font-bold tracking-tight sm:text-4xl">
        Retracted
      </h2>
      <p className="mt-3 text-base">
        Retracted on <FormattedDate date={retractedAt} />
        {reason ? `: ${reason}` : "."}
      </p>
      <p className="mt-2 text-sm">
        The verdict we published no longer stands; this page stays so that links to it explain why.
      </p>
    </section>
  );
}
