import Link from "next/link";
import { connection } from "next/server";
import { STATUS_GLYPHS } from "@/components/badges";
import { ProgressBar } from "@/components/progress-bar";
import { getClaimCounts } from "@/domains/claims/data";
import { REVIEW_STATUSES, STATUS_LABELS, VERDICT_LABELS, VERDICTS } from "@/domains/claims/labels";

/** A verified claim always has a verdict, so "Unrated" is no row of the table: the line below it counts those claims. */
const RATED_VERDICTS = VERDICTS.filter((verdict) => verdict !== "unrated");

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
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">
              Claims by verdict: verified verdicts, and verdicts proposed or in draft that are not settled yet
            </caption>
            <thead>
              <tr className="text-left text-xs text-slate-700">
                <th scope="col" className="pb-1 font-medium">
                  Verdict
                </th>
                <th scope="col" className="pb-1 text-right font-medium">
                  Verified
                </th>
                <th scope="col" className="pb-1 text-right font-medium">
                  Proposed
                </th>
                <th scope="col" className="pb-1 text-right font-medium">
                  Draft
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {RATED_VERDICTS.map((verdict) => {
                const count = counts.byVerdict[verdict];
                return (
                  <tr key={verdict}>
                    <th scope="row" className="py-2 text-left font-normal">
                      <Link
                        href={`/claims?status=verified&verdict=${verdict}`}
                        className="text-blue-900 underline-offset-2 hover:underline"
                      >
                        {VERDICT_LABELS[verdict]}
                      </Link>
                    </th>
                    <td className="py-2 text-right font-semibold tabular-nums">{count.settled}</td>
                    <td className="py-2 text-right text-slate-700 tabular-nums">{count.proposed}</td>
                    <td className="py-2 text-right text-slate-700 tabular-nums">{count.draft}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-700">
            Only verified verdicts count as a claim&rsquo;s verdict; {counts.unrated}{" "}
            {counts.unrated === 1 ? "claim has" : "claims have"} no verdict yet.
          </p>
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
          {rows(RATED_VERDICTS.length + 2)}
        </div>
      </div>
      <span className="sr-only">Loading claim counts</span>
    </div>
  );
}
