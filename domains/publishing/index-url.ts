import { VERDICTS } from "@/domains/claims/labels";

/** The verdicts a published fact-check can carry (the index's filter). */
export const PUBLISHED_VERDICTS = VERDICTS.filter((verdict) => verdict !== "unrated");

/** The highest page number the index answers; beyond it, page 1. */
export const MAX_INDEX_PAGE = 10_000;

/**
 * Where the index's view for these search parameters is kept in the cache, or null when it is a
 * search (rendered per request). A view without a search (all fact-checks or one verdict, one page)
 * is the same for every reader: proxy.ts rewrites `/fact-checks?verdict=false&page=2` to the cached
 * page `/fact-checks/browse/false/2`. Anything unexpected is left to the per-request page, which
 * ignores what it cannot read.
 */
export function cachedIndexPath(searchParams: URLSearchParams): string | null {
  if ((searchParams.get("q") ?? "").trim() !== "") return null;
  const verdict = searchParams.get("verdict") || "all";
  const page = searchParams.get("page") || "1";
  const knownVerdict = verdict === "all" || (PUBLISHED_VERDICTS as readonly string[]).includes(verdict);
  const knownPage = /^[1-9]\d{0,4}$/.test(page) && Number(page) <= MAX_INDEX_PAGE;
  const onlyKnownParameters = [...searchParams.keys()].every((key) => ["q", "verdict", "page"].includes(key));
  return knownVerdict && knownPage && onlyKnownParameters ? `/fact-checks/browse/${verdict}/${page}` : null;
}
