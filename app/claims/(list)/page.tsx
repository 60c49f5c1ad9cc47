import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { listClaims, listTopics } from "@/domains/claims/data";
import { claimExportHref, claimListHref } from "@/domains/claims/links";
import { parseClaimListQueryLeniently } from "@/domains/claims/schema";
import { listAssignableUsers } from "@/domains/users/data";
import { requireUser } from "@/domains/users/session";
import { searchParamsToObject } from "@/lib/validation";
import { ClaimFilters } from "./claim-filters";
import { ClaimList } from "./claim-list";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { query, ignored } = parseClaimListQueryLeniently(searchParamsToObject(await searchParams));
  const user = await requireUser(claimListHref(query));
  // People move by page numbers; cursors are for API clients walking the whole list.
  const [result, topics, assignees] = await Promise.all([
    listClaims({ ...query, cursor: undefined }, user),
    listTopics(),
    listAssignableUsers(),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = result.total === 0 ? 0 : (query.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, query.page * result.pageSize);
  const ignoredNames = Object.keys(ignored);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Claims</h1>
        <a
          href={claimExportHref(query)}
          download
          className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
        >
          Download CSV of this view
        </a>
      </div>
      {ignoredNames.length > 0 ? (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          Some parts of this link were not understood and were ignored:{" "}
          {ignoredNames.map((name) => `${name} (${ignored[name]?.join(" ")})`).join("; ")}
        </div>
      ) : null}
      <ClaimFilters query={query} topics={topics} assignees={assignees} />
      <p className="text-sm text-slate-700" aria-live="polite">
        {result.total === 0
          ? "No claim matches these filters."
          : `Showing ${first}–${last} of ${result.total} ${result.total === 1 ? "claim" : "claims"}`}
        {query.article ? (
          <>
            {" "}
            in article #{query.article} ·{" "}
            <Link href={claimListHref({ ...query, article: undefined, page: 1 })} className="text-blue-800 underline">
              all articles
            </Link>
          </>
        ) : null}
      </p>
      {result.items.length > 0 ? <ClaimList items={result.items} /> : null}
      {result.total > 0 && result.items.length === 0 ? (
        <p className="text-sm">
          This page is past the end of the list.{" "}
          <Link href={claimListHref({ ...query, page: 1 })} className="text-blue-800 underline">
            Go to the first page
          </Link>
          .
        </p>
      ) : null}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => claimListHref({ ...query, page })} />
    </div>
  );
}
