import Link from "next/link";
import { StatusBadge, VerdictBadge } from "@/components/badges";
import type { ClaimListItem } from "@/domains/claims/data";

export function ClaimList({ items }: { items: ClaimListItem[] }) {
  return (
    <ol className="space-y-3">
      {items.map((claim) => (
        <li key={claim.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
            <span className="font-mono">#{claim.id}</span>
            <StatusBadge status={claim.status} />
            <VerdictBadge verdict={claim.verdict} />
            <span>{claim.topic}</span>
            <span aria-hidden="true">·</span>
            <span>
              {claim.sourceCount} {claim.sourceCount === 1 ? "source" : "sources"}
            </span>
            <span aria-hidden="true">·</span>
            <span>{claim.assigneeName ? `Assigned to ${claim.assigneeName}` : "Unassigned"}</span>
          </div>
          <h2 className="mt-2 text-base font-medium">
            <Link href={`/claims/${claim.id}`} className="text-blue-900 underline-offset-2 hover:underline">
              {claim.statement}
            </Link>
          </h2>
          <blockquote className="mt-2 border-l-4 border-slate-200 pl-3 font-serif text-sm text-slate-700">
            “{claim.quote}”
          </blockquote>
          <p className="mt-2 text-xs text-slate-600">
            {claim.attributedTo ? `Attributed to ${claim.attributedTo} · ` : ""}
            <Link href={`/articles/${claim.articleId}#claim-${claim.id}`} className="underline underline-offset-2">
              {claim.articleTitle}
            </Link>
          </p>
        </li>
      ))}
    </ol>
  );
}
