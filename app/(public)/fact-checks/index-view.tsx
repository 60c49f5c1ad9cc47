import type { Metadata } from "next";
import Link from "next/link";
import { FactCheckList } from "@/components/public/fact-check-list";
import { Pager } from "@/components/public/pager";
import { buttonClass } from "@/components/ui";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { listPublishedFactChecks, type PublicIndexQuery } from "@/domains/publishing/data";
import { PUBLISHED_VERDICTS } from "@/domains/publishing/index-url";

/** The head of one view of the index (the same whether it was read from the cache or per request). */
export function indexViewMetadata(query: PublicIndexQuery): Metadata {
  return {
    title: "Fact-checks",
    alternates: {
      // Each page of the list is its own page for search engines; a search or filter is a view of it.
      canonical: indexHref({ page: query.page }),
      types: {
        "application/atom+xml": [{ url: "/fact-checks/feed.xml", title: "Fact-checks (Atom)" }],
        "application/feed+json": [{ url: "/fact-checks/feed.json", title: "Fact-checks (JSON Feed)" }],
      },
    },
    // A search is a view of the index, not a page of its own for search engines.
    ...(query.q ? { robots: { index: false, follow: true } } : {}),
  };
}

function indexHref({ q, verdict, page }: PublicIndexQuery): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (verdict) params.set("verdict", verdict);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/fact-checks?${search}` : "/fact-checks";
}

/**
 * The public index: published fact-checks, newest first, with a search and a verdict filter in a GET
 * form (it works before or without JavaScript). A view without a search is cached
 * (browse/[verdict]/[page]/page.tsx, where proxy.ts sends it); a search is rendered per request
 * (page.tsx). One indexed query with a LIMIT (listPublishedFactChecks) either way.
 */
export async function FactChecksIndex({ query }: { query: PublicIndexQuery }) {
  const { items, hasNextPage } = await listPublishedFactChecks(query);
  const filtered = Boolean(query.q || query.verdict);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Fact-checks</h1>
        <p className="text-slate-700">Claims made in the news, checked against the evidence: newest first.</p>
      </header>

      <form
        action="/fact-checks"
        method="get"
        role="search"
        aria-label="Fact-checks"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_auto_auto] sm:items-end"
      >
        <label className="grid gap-1 text-sm font-medium">
          Search
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={200}
            placeholder="A name, a figure, a word"
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
          />
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Verdict
          <select
            name="verdict"
            defaultValue={query.verdict ?? ""}
            className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal"
          >
            <option value="">All verdicts</option>
            {PUBLISHED_VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Search
          </button>
          {filtered ? (
            <Link href="/fact-checks" className="text-sm text-blue-800 underline underline-offset-2">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {items.length > 0 ? (
        <>
          <FactCheckList
            entries={items.map((item) => ({ ...item, article: { id: item.articleId, title: item.articleTitle } }))}
          />
          <Pager page={query.page} hasNextPage={hasNextPage} hrefFor={(page) => indexHref({ ...query, page })} />
        </>
      ) : (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-6 text-slate-800">
          {query.page > 1 ? (
            <>
              <p>Page {query.page} is past the end of this list.</p>
              <p>
                <Link href={indexHref({ ...query, page: 1 })} className="text-blue-800 underline underline-offset-2">
                  Go to the first page
                </Link>
              </p>
            </>
          ) : filtered ? (
            <p>No fact-check matches this search. Try other words, or all verdicts.</p>
          ) : (
            <p>No fact-check has been published yet.</p>
          )}
        </div>
      )}
    </div>
  );
}
