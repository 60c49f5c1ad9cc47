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

function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  /** The choice that removes this filter; omitted when one option must always be chosen. */
  allLabel?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={LABEL}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={CONTROL}>
        {allLabel ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: the URL holds the whole view, and it works without JavaScript. */
export function ClaimFilters({
  query,
  topics,
  assignees,
}: {
  query: ClaimListQuery;
  topics: string[];
  assignees: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/claims"
      role="search"
      aria-label="Filter claims"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-7">
        <div className="sm:col-span-2 lg:col-span-2">
          <label htmlFor="filter-q" className={LABEL}>
            Search quote and statement
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            maxLength={200}
            className={CONTROL}
          />
        </div>
        <FilterSelect
          name="status"
          label="Status"
          value={query.status}
          allLabel="All statuses"
          options={REVIEW_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        />
        <FilterSelect
          name="verdict"
          label="Verdict"
          value={query.verdict}
          allLabel="All verdicts"
          options={VERDICTS.map((verdict) => ({ value: verdict, label: VERDICT_LABELS[verdict] }))}
        />
        <FilterSelect
          name="topic"
          label="Topic"
          value={query.topic}
          allLabel="All topics"
          options={topics.map((topic) => ({ value: topic, label: topic }))}
        />
        <FilterSelect
          name="assignee"
          label="Assignee"
          value={query.assignee}
          allLabel="Anyone"
          options={[
            { value: "me", label: "Me" },
            { value: "none", label: "Unassigned" },
            ...assignees.map((user) => ({ value: user.id, label: user.name })),
          ]}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          value={query.sort}
          options={CLAIM_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
        />
      </div>
      {query.article ? <input type="hidden" name="article" value={query.article} /> : null}
      {query.pageSize !== DEFAULT_PAGE_SIZE ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Apply filters
        </button>
        <Link href="/claims" className="text-sm text-blue-800 underline underline-offset-2">
          Clear all
        </Link>
      </div>
    </form>
  );
}
