import Link from "next/link";
import { VerdictBadge } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import type { Verdict } from "@/lib/generated/prisma/enums";

export interface FactCheckListEntry {
  id: number;
  statement: string;
  verdict: Verdict;
  verifiedAt: Date | null;
  /** The quoted words, on an article's page; the index names the article instead. */
  quote?: string;
  article?: { id: number; title: string };
}

/** Fact-checks as readers scan them: the claim (linked), the verdict beside it, where and when. */
export function FactCheckList({ entries }: { entries: FactCheckListEntry[] }) {
  return (
    <ol className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {entries.map((entry) => (
        <li key={entry.id} className="space-y-2 p-4 sm:px-6">
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <h2 className="text-base leading-snug font-semibold sm:text-lg">
              <Link href={`/fact-checks/${entry.id}`} className="text-slate-950 underline-offset-2 hover:underline">
                {entry.statement}
              </Link>
            </h2>
            <span className="shrink-0 sm:pt-0.5">
              <VerdictBadge verdict={entry.verdict} />
            </span>
          </div>
          {entry.quote ? (
            <blockquote className="border-l-4 border-slate-300 pl-3 font-serif text-sm text-slate-800">
              “{entry.quote}”
            </blockquote>
          ) : null}
          <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
            {entry.article ? (
              <span>
                In{" "}
                <Link
                  href={`/fact-checks/articles/${entry.article.id}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {entry.article.title}
                </Link>
              </span>
            ) : null}
            {entry.verifiedAt ? (
              <span>
                Checked <FormattedDate date={entry.verifiedAt} />
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
