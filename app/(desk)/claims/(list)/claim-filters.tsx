"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import {
  CLAIM_SORTS,
  REVIEW_STATUSES,
  SORT_LABELS,
  STATUS_LABELS,
  VERDICT_LABELS,
  VERDICTS,
} from "@/domains/claims/labels";
import { hrefWithFilter, parseClaimsView, withView } from "./list-url";
import { buttonClass } from "@/components/ui";

/** How long typing pauses before the search runs: a word typed at speed is one request, not five. */
const SEARCH_DELAY_MS = 300;

const FILTERS = ["q", "status", "verdict", "topic", "assignee", "sort"] as const;
type FilterName = (typeof FILTERS)[number];
type FilterValues = Record<FilterName, string>;

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm";
const LABEL = "block text-xs font-medium text-slate-800";

function valuesOf(params: URLSearchParams): FilterValues {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ""])) as FilterValues;
}

function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
  onChange,
}: {
  name: FilterName;
  label: string;
  value: string;
  /** The choice that removes this filter; omitted when one option must always be chosen. */
  allLabel?: string;
  options: { value: string; label: string }[];
  onChange: (name: FilterName, value: string) => void;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={LABEL}>
        {label}
      </label>
      <select
        id={`filter-${name}`}
        name={name}
        value={value}
        onChange={(event) => onChange(name, event.target.value)}
        className={CONTROL}
      >
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

/**
 * Filters that apply as they change: a choice at once, the search after a pause in typing. Each
 * change is a history entry (so Back restores the previous list), except that one search typed in
 * several pauses is one entry. Without JavaScript it is a plain GET form with its submit button.
 */
export function ClaimFilters({ topics, assignees }: { topics: string[]; assignees: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const currentSearch = searchParams.toString();
  const [isPending, startTransition] = useTransition();

  const [values, setValues] = useState(() => valuesOf(searchParams));
  // The URL these values were last in step with: when the URL changes to something this form did not
  // ask for (Back, Forward, a link), the form shows that URL's filters.
  const [syncedSearch, setSyncedSearch] = useState(currentSearch);
  const [requestedSearch, setRequestedSearch] = useState<string | null>(null);
  if (currentSearch !== syncedSearch) {
    setSyncedSearch(currentSearch);
    if (currentSearch !== requestedSearch) setValues(valuesOf(searchParams));
  }

  const [showChoices, setShowChoices] = useState(false);
  const choicesSet = FILTERS.filter((name) => name !== "q" && values[name] !== "").length;

  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Whether this search burst already has its history entry: later pauses replace it. */
  const searchHasEntry = useRef(false);
  useEffect(() => () => clearTimeout(searchTimer.current), []);

  // On a slow phone the page can be typed into before its script has run: those keystrokes reached no
  // handler, so once it runs, what the box holds is taken as typed (the search runs after the pause).
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typedEarly = searchBox.current?.value ?? "";
    if (typedEarly !== (searchParams.get("q") ?? "")) type(typedEarly);
    // Once, at the first render in the browser: later keystrokes have their handler.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function navigate(name: FilterName, value: string, mode: "push" | "replace") {
    const href = hrefWithFilter(currentSearch, name, value);
    setRequestedSearch(href.split("?")[1] ?? "");
    startTransition(() =>
      mode === "push" ? router.push(href, { scroll: false }) : router.replace(href, { scroll: false }),
    );
  }

  function choose(name: FilterName, value: string) {
    clearTimeout(searchTimer.current);
    searchHasEntry.current = false;
    setValues((previous) => ({ ...previous, [name]: value }));
    navigate(name, value, "push");
  }

  function runSearch(text: string) {
    clearTimeout(searchTimer.current);
    if (text.trim() === (searchParams.get("q") ?? "")) return;
    navigate("q", text, searchHasEntry.current ? "replace" : "push");
    searchHasEntry.current = true;
  }

  function type(text: string) {
    setValues((previous) => ({ ...previous, q: text }));
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => runSearch(text), SEARCH_DELAY_MS);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    runSearch(values.q);
  }

  return (
    <form
      method="get"
      action={pathname}
      role="search"
      aria-label="Filter claims"
      aria-busy={isPending}
      onSubmit={submit}
      className="rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-end gap-3 lg:grid-cols-7">
        <div className="lg:col-span-2">
          <label htmlFor="filter-q" className={LABEL}>
            Search quote and statement
          </label>
          <input
            ref={searchBox}
            id="filter-q"
            name="q"
            type="search"
            value={values.q}
            onChange={(event) => type(event.target.value)}
            onFocus={() => (searchHasEntry.current = false)}
            maxLength={200}
            className={CONTROL}
          />
        </div>
        {/* On a phone the choices wait behind this button so the first claims are above the fold; from
            the lg breakpoint they are always in view and the button is gone. */}
        <button
          type="button"
          aria-expanded={showChoices}
          aria-controls="claim-filter-choices"
          onClick={() => setShowChoices((shown) => !shown)}
          className={`${buttonClass("secondary", "small")} lg:hidden`}
        >
          {choicesSet === 0 ? "Filters" : `Filters (${choicesSet})`}
        </button>
        <div
          id="claim-filter-choices"
          className={`${showChoices ? "grid" : "hidden"} col-span-2 grid-cols-2 gap-3 sm:grid-cols-3 lg:col-span-5 lg:grid lg:grid-cols-5`}
        >
          <FilterSelect
            name="status"
            label="Status"
            value={values.status}
            allLabel="All statuses"
            options={REVIEW_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
            onChange={choose}
          />
          <FilterSelect
            name="verdict"
            label="Verdict"
            value={values.verdict}
            allLabel="All verdicts"
            options={VERDICTS.map((verdict) => ({ value: verdict, label: VERDICT_LABELS[verdict] }))}
            onChange={choose}
          />
          <FilterSelect
            name="topic"
            label="Topic"
            value={values.topic}
            allLabel="All topics"
            options={topics.map((topic) => ({ value: topic, label: topic }))}
            onChange={choose}
          />
          <FilterSelect
            name="assignee"
            label="Assignee"
            value={values.assignee}
            allLabel="Anyone"
            options={[
              { value: "me", label: "Me" },
              { value: "none", label: "Unassigned" },
              ...assignees.map((user) => ({ value: user.id, label: user.name })),
            ]}
            onChange={choose}
          />
          <FilterSelect
            name="sort"
            label="Sort by"
            value={values.sort || "position"}
            options={CLAIM_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
            onChange={(name, value) => choose(name, value === "position" ? "" : value)}
          />
        </div>
      </div>
      {/* Parameters this form has no control for, kept when it is submitted without JavaScript. */}
      {["article", "pageSize", "view"].map((name) =>
        searchParams.get(name) ? (
          <input key={name} type="hidden" name={name} value={searchParams.get(name) ?? ""} />
        ) : null,
      )}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        {/* Filters apply as they change; the button is for a browser without JavaScript and shows only on focus. */}
        <button type="submit" className={`${buttonClass("primary", "small")} sr-only focus:not-sr-only`}>
          Apply filters
        </button>
        {choicesSet > 0 || values.q !== "" ? (
          <Link
            href={withView("/claims", parseClaimsView(searchParams.get("view") ?? undefined))}
            className="text-blue-800 underline underline-offset-2"
          >
            Clear all
          </Link>
        ) : null}
        <span aria-live="polite" className="text-slate-600">
          {isPending ? "Updating the list…" : ""}
        </span>
      </div>
    </form>
  );
}
