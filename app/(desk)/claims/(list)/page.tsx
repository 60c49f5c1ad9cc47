import type { Metadata } from "next";
import Link from "next/link";
import { ClaimsTable } from "@/components/claims-table";
import { Pagination } from "@/components/pagination";
import { listClaims, listTopics } from "@/domains/claims/data";
import { SORT_LABELS } from "@/domains/claims/labels";
import { claimExportHref, claimListHref } from "@/domains/claims/links";
import { mayBulkEdit } from "@/domains/claims/rules";
import { parseClaimListQueryLeniently } from "@/domains/claims/schema";
import { listAssignableUsers } from "@/domains/users/data";
import { requireUser } from "@/domains/users/session";
import { searchParamsToObject } from "@/lib/validation";
import { BulkEditForm, SelectClaim } from "./bulk-edit-form";
import { ClaimFilters } from "./claim-filters";
import { ClaimList } from "./claim-list";
import { type ClaimsView, parseClaimsView, withView } from "./list-url";

const VIEW_LABELS: Record<ClaimsView, string> = { table: "Table", cards: "Cards" };

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const { query, ignored } = parseClaimListQueryLeniently(searchParamsToObject(params));
  const view = parseClaimsView(params.view);
  const hrefFor = (changes: Partial<typeof query>) => withView(claimListHref({ ...query, ...changes }), view);
  const user = await requireUser(hrefFor({}));
  // People move by page numbers; cursors are for API clients walking the whole list.
  const [result, topics, assignees] = await Promise.all([
    listClaims({ ...query, cursor: undefined }, user),
    listTopics(),
    listAssignableUsers(),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const first = result.total === 0 ? 0 : (query.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, query.page * result.pageSize);
  const pastTheEnd = result.total > 0 && result.items.length === 0;
  const ignoredNames = Object.keys(ignored);
  // Editors select rows of the table to change them in bulk; the cards are for reading.
  const bulkEdit = view === "table" && result.items.length > 0 && mayBulkEdit(user).allowed;
  const table = (
    <ClaimsTable
      items={result.items}
      sort={query.sort}
      sortHref={(sort) => hrefFor({ sort, page: 1 })}
      caption={`Claims, sorted by ${SORT_LABELS[query.sort].toLowerCase()}`}
      selection={bulkEdit ? (claim) => <SelectClaim claimId={claim.id} version={claim.version} /> : undefined}
    />
  );

  return (
    <div className="space-y-4">
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
      <ClaimFilters topics={topics} assignees={assignees} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {result.total === 0
            ? "No claim matches these filters."
            : pastTheEnd
              ? `Page ${query.page} is past the end: ${result.total} ${result.total === 1 ? "claim fills" : "claims fill"} ${pageCount} ${pageCount === 1 ? "page" : "pages"}`
              : `Showing ${first}–${last} of ${result.total} ${result.total === 1 ? "claim" : "claims"}`}
          {query.article ? (
            <>
              {" "}
              in article #{query.article} ·{" "}
              <Link href={hrefFor({ article: undefined, page: 1 })} className="text-blue-800 underline">
                all articles
              </Link>
            </>
          ) : null}
          {pastTheEnd ? (
            <>
              .{" "}
              <Link href={hrefFor({ page: pageCount })} className="text-blue-800 underline">
                Go to the last page
              </Link>
            </>
          ) : null}
        </p>
        <div role="group" aria-label="Show as" className="flex gap-1 text-sm">
          {(["table", "cards"] as const).map((option) => (
            <Link
              key={option}
              href={withView(claimListHref(query), option)}
              aria-current={option === view ? "page" : undefined}
              className={`rounded-md px-2 py-1 ${option === view ? "bg-slate-900 text-white" : "text-blue-800 hover:bg-slate-200"}`}
            >
              {VIEW_LABELS[option]}
            </Link>
          ))}
        </div>
      </div>
      {result.items.length === 0 ? null : view === "cards" ? (
        <ClaimList items={result.items} />
      ) : bulkEdit ? (
        <BulkEditForm assignees={assignees} topics={topics}>
          {table}
        </BulkEditForm>
      ) : (
        table
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => hrefFor({ page })} />
    </div>
  );
}
