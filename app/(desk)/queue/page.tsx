import type { Metadata } from "next";
import Link from "next/link";
import { ClaimVerdictBadge, StatusBadge } from "@/components/badges";
import { STATUS_LABELS } from "@/domains/claims/labels";
import { listQueue } from "@/domains/claims/queue-data";
import { requireUser } from "@/domains/users/session";
import { NeedsReview } from "./needs-review";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const user = await requireUser("/queue");
  const queue = await listQueue(user.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
      <NeedsReview viewer={user} />
      <section aria-labelledby="assigned-heading" className="space-y-3">
        <h2 id="assigned-heading" className="text-lg font-semibold">
          Assigned to you <span className="font-normal text-slate-700 tabular-nums">({queue.total})</span>
        </h2>
        {queue.total === 0 ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-800 sm:p-6">
            <p>No claim is assigned to you.</p>
            <p className="mt-2">
              <Link href="/claims?assignee=none" className="text-blue-800 underline underline-offset-2">
                See the unassigned claims
              </Link>{" "}
              and take one, or ask an editor to assign you some.
            </p>
          </div>
        ) : (
          queue.groups.map((group) => (
            <section
              key={group.status}
              aria-labelledby={`assigned-${group.status}`}
              className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
            >
              <h3 id={`assigned-${group.status}`} className="text-base font-semibold">
                {STATUS_LABELS[group.status]} ({group.items.length})
              </h3>
              {group.items.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">None.</p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-200">
                  {group.items.map((claim) => (
                    <li key={claim.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                      <Link
                        href={`/claims/${claim.id}`}
                        className="min-w-0 flex-1 basis-64 text-blue-900 underline-offset-2 hover:underline"
                      >
                        {claim.statement}
                      </Link>
                      <StatusBadge status={claim.status} />
                      <ClaimVerdictBadge status={claim.status} verdict={claim.verdict} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))
        )}
      </section>
    </div>
  );
}
