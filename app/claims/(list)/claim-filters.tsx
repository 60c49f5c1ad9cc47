import Link from "next/link";
import {
  CLAIM_SORTS,
  REVIEW_STATUSES,
  SORT_LABELS,
  STATUS_LABELS,
  VERDICT_LABELS,
  VERDICTS,
} from "@/domains/claims/labels";
import { type ClaimListQuery, DEFAULT_PAGE_SIZE } from "@/domains/claims/schema";

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm";
const LABEL = "block text-sm font-medium text-slate-800";

/** A plain GET form: the URL holds the whole view, and it works without JavaScript. */
export function ClaimFilters({ query, topics }: { query: ClaimListQuery; topics: string[] }) {
  return (
    <form method="get" action="/claims" role="search" aria-label="Filter claims" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2 lg:col-span-2">
          <label htmlFor="filter-q" className={LABEL}>
            Search quote and statement
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} className={CONTROL} />
        </div>
        <div>
          <label htmlFor="filter-status" className={LABEL}>
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={CONTROL}>
            <option value="">All statuses</option>
            {REVIEW_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-verdict" className={LABEL}>
            Verdict
          </label>
          <select id="filter-verdict" name="verdict" defaultValue={query.verdict ?? ""} className={CONTROL}>
            <option value="">All verdicts</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-topic" className={LABEL}>
            Topic
          </label>
          <select id="filter-topic" name="topic" defaultValue={query.topic ?? ""} className={CONTROL}>
            <option value="">All topics</option>
            {topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-sort" className={LABEL}>
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={query.sort} className={CONTROL}>
            {CLAIM_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {query.article ? <input type="hidden" name="article" value={query.article} /> : null}
      {query.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Apply filters
        </button>
        <Link href="/claims" className="text-sm text-blue-800 underline underline-offset-2">
          Clear all
        </Link>
      </div>
    </form>
  );
}
