import Link from "next/link";
import { ClaimVerdictBadge } from "@/components/badges";
import { listReviewQueue } from "@/domains/claims/queue-data";
import type { CurrentUser } from "@/domains/users/roles";

const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const exactTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "just now", "12 minutes ago", "5 hours ago", "3 days ago": how long a proposal has waited, in the largest unit that reads well. */
function waitedSince(proposedAt: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - proposedAt.getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return relativeTime.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return relativeTime.format(-hours, "hour");
  return relativeTime.format(-Math.floor(hours / 24), "day");
}

/**
 * "Needs your review": the verdicts awaiting a second review that the viewer may review, the oldest
 * first, each with its proposer and how long it has waited. Shown on "My queue" and on the overview.
 */
export async function NeedsReview({ viewer }: { viewer: CurrentUser }) {
  const queue = await listReviewQueue(viewer);
  const now = new Date();
  return (
    <section aria-labelledby="needs-review-heading" className="rounded-lg border border-violet-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="needs-review-heading" className="text-base font-semibold">
          Needs your review <span className="font-normal text-slate-700 tabular-nums">({queue.total})</span>
        </h2>
        {queue.total > queue.items.length ? (
          <Link
            href="/claims?status=awaiting_second_review"
            className="text-sm text-blue-800 underline underline-offset-2"
          >
            All {queue.total} awaiting review
          </Link>
        ) : null}
      </div>
      {queue.items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No verdict is waiting for your review.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">
            Verdicts proposed by others, the longest waiting first: approve them or send them back.
          </p>
          <ul className="mt-3 divide-y divide-slate-200">
            {queue.items.map((claim) => (
              <li key={claim.id} className="py-3">
                <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
                  <Link
                    href={`/claims/${claim.id}`}
                    className="min-w-0 flex-1 basis-64 font-medium text-blue-900 underline-offset-2 hover:underline"
                  >
                    {claim.statement}
                  </Link>
                  <ClaimVerdictBadge status={claim.status} verdict={claim.verdict} />
                </div>
                <p className="mt-1 text-sm text-slate-700">
                  <span className="font-mono text-xs">#{claim.id}</span> · Proposed by{" "}
                  {claim.proposedBy?.name ?? "a former user"}{" "}
                  <time dateTime={claim.proposedAt.toISOString()} title={`${exactTime.format(claim.proposedAt)} UTC`}>
                    {waitedSince(claim.proposedAt, now)}
                  </time>
                </p>
                {claim.approve.allowed ? null : <p className="mt-1 text-sm text-amber-900">{claim.approve.reason}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
