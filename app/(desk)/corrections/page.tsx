import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/badges";
import { FormattedDateTime } from "@/components/dates";
import { listCorrections } from "@/domains/claims/corrections-data";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { requireUser } from "@/domains/users/session";

export const metadata: Metadata = { title: "Corrections" };

export default async function CorrectionsPage() {
  await requireUser("/corrections");
  const corrections = await listCorrections();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Corrections log</h1>
      <p className="text-sm text-slate-700">
        Every verified verdict that an editor reopened, with the reason, the verdict it had and the one it got.
      </p>
      {corrections.length === 0 ? (
        <p className="text-sm text-slate-700">No verdict has been corrected.</p>
      ) : (
        <ol className="space-y-3">
          {corrections.map((correction) => (
            <li key={correction.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <h2 className="font-medium">
                <Link
                  href={`/claims/${correction.claim.id}`}
                  className="text-blue-900 underline-offset-2 hover:underline"
                >
                  #{correction.claim.id} {correction.claim.statement}
                </Link>
              </h2>
              <p className="mt-1">
                Reopened by {correction.reopenedBy.name}, <FormattedDateTime date={correction.reopenedAt} />:{" "}
                {correction.reason}
              </p>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-700">
                <span>
                  {VERDICT_LABELS[correction.previousVerdict]} →{" "}
                  {correction.newVerdict && correction.resolvedAt
                    ? VERDICT_LABELS[correction.newVerdict]
                    : "being corrected"}
                </span>
                <StatusBadge status={correction.claim.status} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
