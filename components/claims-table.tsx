import Link from "next/link";
import { ClaimVerdictBadge, StatusBadge } from "@/components/badges";
import type { ClaimListItem } from "@/domains/claims/data";
import type { ClaimSort } from "@/domains/claims/labels";

/** The direction each sort runs in, for aria-sort and the arrow: "recent" is newest first. */
const SORT_DIRECTION: Record<ClaimSort, "ascending" | "descending"> = {
  position: "ascending",
  recent: "descending",
  status: "ascending",
  verdict: "ascending",
};

const changeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const fullChangeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

function LastChange({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={`${fullChangeFormat.format(date)} UTC`}>
      {changeFormat.format(date)}
    </time>
  );
}

function Verdict({ claim }: { claim: ClaimListItem }) {
  if (claim.verdict === "unrated") return <span className="text-slate-500">Unrated</span>;
  return <ClaimVerdictBadge status={claim.status} verdict={claim.verdict} />;
}

const TH = "sticky top-0 z-10 bg-slate-100 px-2 py-2 text-left text-xs font-semibold text-slate-700";

/**
 * A column header that sorts the list when the list has that order: a link, so it works without
 * JavaScript and the order stays in the URL. The sorted column says so with aria-sort.
 */
function SortableHeader({
  sort,
  current,
  href,
  className = "",
  children,
}: {
  sort: ClaimSort;
  current: ClaimSort;
  href: string;
  className?: string;
  children: React.ReactNode;
}) {
  const sorted = sort === current;
  const direction = SORT_DIRECTION[sort];
  return (
    <th scope="col" aria-sort={sorted ? direction : undefined} className={`${TH} ${className}`}>
      <Link
        href={href}
        scroll={false}
        className="inline-flex items-center gap-1 rounded underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {children}
        <span aria-hidden="true" className={sorted ? "text-slate-900" : "text-slate-400"}>
          {sorted ? (direction === "ascending" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

/**
 * The claims as a dense table: one line a claim, so a screen holds fifteen or more, the statement cut
 * to one line (whole on hover, and when its link has the focus). Below the `md` width it is a compact
 * list instead, one small card a claim, because eight columns in 390 pixels would scroll sideways and
 * hide the status and verdict a reviewer scans for.
 */
export function ClaimsTable({
  items,
  sort,
  sortHref,
  caption,
  selection,
}: {
  items: ClaimListItem[];
  sort: ClaimSort;
  sortHref: (sort: ClaimSort) => string;
  caption: string;
  /** For those who change claims in bulk: each row's selection checkbox, first in the row. */
  selection?: (claim: ClaimListItem) => React.ReactNode;
}) {
  return (
    <>
      <table className="hidden w-full table-fixed border-separate border-spacing-0 rounded-lg border border-slate-200 bg-white text-sm md:table">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          {selection ? <col className="w-9" /> : null}
          <col className="w-12" />
          <col />
          <col className="w-44" />
          <col className="w-36" />
          <col className="w-28" />
          <col className="w-28" />
          <col className="w-16" />
          <col className="w-28" />
        </colgroup>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className={`${TH} rounded-tl-lg`}>
                <span className="sr-only">Selected</span>
              </th>
            ) : null}
            <SortableHeader
              sort="position"
              current={sort}
              href={sortHref("position")}
              className={selection ? "" : "rounded-tl-lg"}
            >
              <span aria-hidden="true">#</span>
              <span className="sr-only">Number, in article order</span>
            </SortableHeader>
            <th scope="col" className={TH}>
              Statement
            </th>
            <SortableHeader sort="status" current={sort} href={sortHref("status")}>
              Status
            </SortableHeader>
            <SortableHeader sort="verdict" current={sort} href={sortHref("verdict")}>
              Verdict
            </SortableHeader>
            <th scope="col" className={TH}>
              Topic
            </th>
            <th scope="col" className={TH}>
              Assignee
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Sources
            </th>
            <SortableHeader sort="recent" current={sort} href={sortHref("recent")} className="rounded-tr-lg">
              Last change
            </SortableHeader>
          </tr>
        </thead>
        <tbody>
          {items.map((claim) => (
            <tr key={claim.id} className="group hover:bg-slate-50 [&>td]:border-t [&>td]:border-slate-200">
              {selection ? <td className="py-1.5 pl-3 align-middle">{selection(claim)}</td> : null}
              <td className="px-2 py-1.5 font-mono text-xs text-slate-600 tabular-nums">{claim.id}</td>
              <td className="px-2 py-1.5">
                <Link
                  href={`/claims/${claim.id}`}
                  title={claim.statement}
                  className="block truncate font-medium text-blue-800 underline-offset-2 hover:underline focus:whitespace-normal"
                >
                  {claim.statement}
                </Link>
              </td>
              <td className="px-2 py-1.5">
                <StatusBadge status={claim.status} />
              </td>
              <td className="px-2 py-1.5">
                <Verdict claim={claim} />
              </td>
              <td className="truncate px-2 py-1.5 text-slate-700" title={claim.topic}>
                {claim.topic}
              </td>
              <td className="truncate px-2 py-1.5 text-slate-700">
                {claim.assigneeName ?? <span className="text-slate-500">Unassigned</span>}
              </td>
              <td className="px-2 py-1.5 text-right text-slate-700 tabular-nums">{claim.sourceCount}</td>
              <td className="px-2 py-1.5 text-xs whitespace-nowrap text-slate-600">
                <LastChange date={claim.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ol aria-label={caption} className="space-y-2 md:hidden">
        {items.map((claim) => (
          <li key={claim.id} className="flex gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2">
            {selection ? <div className="pt-0.5">{selection(claim)}</div> : null}
            <div className="min-w-0 flex-1">
              <Link
                href={`/claims/${claim.id}`}
                className="line-clamp-2 text-sm font-medium text-blue-800 underline-offset-2 hover:underline focus:line-clamp-none"
              >
                {claim.statement}
              </Link>
              <div className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                <span className="font-mono">#{claim.id}</span>
                <StatusBadge status={claim.status} />
                <Verdict claim={claim} />
                <span>{claim.assigneeName ?? "Unassigned"}</span>
                <span>
                  {claim.sourceCount} {claim.sourceCount === 1 ? "source" : "sources"}
                </span>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
