import Link from "next/link";
import { connection } from "next/server";
import { STATUS_GLYPHS } from "@/components/badges";
import { ProgressBar } from "@/components/progress-bar";
import { getClaimCounts } from "@/domains/claims/data";
import { REVIEW_STATUSES, STATUS_LABELS, VERDICT_LABELS, VERDICTS } from "@/domains/claims/labels";

export async function ClaimProgress() {
  await connection();
  const counts = await getClaimCounts();
  return (
    <div className="space-y-6">
      <section aria-labelledby="progress-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="progress-heading" className="sr-only">
          Progress
        </h2>
        <ProgressBar value={counts.byStatus.verified} max={counts.total} label="Claims verified" />
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="status-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="status-heading" className="text-base font-semibold">
            By review status
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {REVIEW_STATUSES.map((status) => (
              <li key={status}>
                <Link
                  href={`/claims?status=${status}`}
                  className="flex items-center justify-between py-2 text-sm hover:bg-slate-50"
                >
                  <span>
                    <span aria-hidden="true" className="mr-2">
                      {STATUS_GLYPHS[status]}
                    </span>
                    {STATUS_LABELS[status]}
                  </span>
                  <span className="font-semibold tabular-nums">{counts.byStatus[status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="verdict-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <h2 id="verdict-heading" className="text-base font-semibold">
            By verdict
          </h2>
          <ul className="mt-3 divide-y divide-slate-100">
            {VERDICTS.map((verdict) => (
              <li key={verdict}>
                <Link
                  href={`/claims?verdict=${verdict}`}
                  className="flex items-center justify-between py-2 text-sm hover:bg-slate-50"
                >
                  <span>{VERDICT_LABELS[verdict]}</span>
                  <span className="font-semibold tabular-nums">{counts.byVerdict[verdict]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

/** Same boxes, rows and heights as ClaimProgress, so the articles below do not move when the counts arrive. */
export function ClaimProgressSkeleton() {
  const card = "rounded-lg border border-slate-200 bg-white p-4 sm:p-6";
  const rows = (count: number) => (
    <ul className="mt-3 divide-y divide-slate-100">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="py-2">
          <div className="h-5 w-2/3 rounded bg-slate-200" />
        </li>
      ))}
    </ul>
  );
  return (
    <div role="status" aria-label="Loading claim counts" className="animate-pulse space-y-6">
      <div className={card}>
        <div className="h-5 w-1/2 rounded bg-slate-200" />
        <div className="mt-2 h-3 w-full rounded-full bg-slate-200" />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <div className={card}>
          <div className="h-6 w-1/3 rounded bg-slate-200" />
          {rows(REVIEW_STATUSES.length)}
        </div>
        <div className={card}>
          <div className="h-6 w-1/3 rounded bg-slate-200" />
          {rows(VERDICTS.length)}
        </div>
      </div>
      <span className="sr-only">Loading claim counts</span>
    </div>
  );
}
