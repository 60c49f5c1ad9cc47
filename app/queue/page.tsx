import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge, VerdictBadge } from "@/components/badges";
import { SectionCard } from "@/components/section-card";
import { STATUS_LABELS } from "@/domains/claims/labels";
import { listQueue } from "@/domains/claims/queue-data";
import { requireUser } from "@/domains/users/session";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const user = await requireUser("/queue");
  const queue = await listQueue(user.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">My queue</h1>
      {queue.total === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-800">
          <p>No claim is assigned to you.</p>
          <p className="mt-2">
            <Link href="/claims?assignee=none" className="text-blue-800 underline underline-offset-2">
              See the unassigned claims
            </Link>{" "}
            and take one, or ask an editor to assign you some.
          </p>
        </div>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {queue.total} {queue.total === 1 ? "claim is" : "claims are"} assigned to you.
          </p>
          {queue.groups.map((group) => (
            <SectionCard
              key={group.status}
              title={
                <>
                  {STATUS_LABELS[group.status]} ({group.items.length})
                </>
              }
            >
              {group.items.length === 0 ? (
                <p className="mt-2 text-sm text-slate-600">None.</p>
              ) : (
                <ul className="mt-3 divide-y divide-slate-200">
                  {group.items.map((claim) => (
                    <li key={claim.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                      <Link
                        href={`/claims/${claim.id}`}
                        className="min-w-0 flex-1 text-blue-900 underline-offset-2 hover:underline"
                      >
                        {claim.statement}
                      </Link>
                      <StatusBadge status={claim.status} />
                      <VerdictBadge verdict={claim.verdict} />
                    </li>
                  ))}
                </ul>
              )}
            </SectionCard>
          ))}
        </>
      )}
    </div>
  );
}
