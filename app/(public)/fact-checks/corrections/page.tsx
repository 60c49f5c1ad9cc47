import type { Metadata } from "next";
import Link from "next/link";
import { VerdictBadge } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import { listPublicCorrections, PUBLIC_CORRECTIONS_LIMIT } from "@/domains/publishing/data";
import { isBuildPhase } from "@/lib/build-phase";

// Served from the cache until published data changes; anonymous readers reach it at /corrections (proxy.ts).
export const revalidate = 60;

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every verdict we corrected, newest first: what it was, what it is now, and why.",
  alternates: { canonical: "/corrections" },
};

/**
 * The public corrections log. Readers see each approved correction's date, the fact-check, the verdict
 * before and after, and the reason the editor gave for the correction (the fact-check's page shows the
 * same); who reopened it and corrections still under way stay on the desk's log.
 */
export default async function PublicCorrectionsPage() {
  // `next build` renders this page without a database; the runtime cache starts empty, so that render is never served.
  const corrections = isBuildPhase() ? [] : await listPublicCorrections();

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Corrections</h1>
        <p className="text-slate-700">
          When new evidence changes one of our verdicts, we correct the fact-check, say so on its page and list it here,
          newest first.
        </p>
      </header>
      {corrections.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800">
          No verdict has been corrected so far.
        </p>
      ) : (
        <>
          <ol className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {corrections.map((correction) => (
              <li key={correction.id} className="space-y-2 p-4 sm:px-6">
                <p className="text-sm text-slate-700">
                  Corrected <FormattedDate date={correction.resolvedAt} />
                </p>
                <h2 className="text-base leading-snug font-semibold sm:text-lg">
                  <Link
                    href={`/fact-checks/${correction.claim.id}`}
                    className="text-slate-950 underline-offset-2 hover:underline"
                  >
                    {correction.claim.statement}
                  </Link>
                </h2>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-slate-700">Verdict changed from</span>
                  <VerdictBadge verdict={correction.previousVerdict} />
                  <span className="text-slate-700">to</span>
                  <VerdictBadge verdict={correction.newVerdict} />
                </p>
                <p className="text-sm text-slate-900">
                  <span className="font-medium">Why: </span>
                  {correction.reason}
                </p>
              </li>
            ))}
          </ol>
          {corrections.length === PUBLIC_CORRECTIONS_LIMIT ? (
            <p className="text-sm text-slate-700">
              These are the newest {PUBLIC_CORRECTIONS_LIMIT} corrections. Each fact-check&apos;s page lists all of its
              own.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
