/**
 * The claims page's own URL parameters and changes, on top of the list query that the API shares
 * (domains/claims/links.ts). Client-safe and free of zod, so the filters ship no schema to the browser.
 */

export const CLAIMS_VIEWS = ["table", "cards"] as const;
export type ClaimsView = (typeof CLAIMS_VIEWS)[number];

/** The table is the default, so only `view=cards` is ever written; anything else reads as the table. */
export function parseClaimsView(raw: string | string[] | undefined): ClaimsView {
  return raw === "cards" ? "cards" : "table";
}

/** A claims-list href (from claimListHref) in the given view. */
export function withView(href: string, view: ClaimsView): string {
  if (view === "table") return href;
  return `${href}${href.includes("?") ? "&" : "?"}view=cards`;
}

/**
 * The list's URL after one filter changes: a blank value removes the parameter, so the URL holds
 * only what is set, and any change goes back to the first page (page 7 of another filter means nothing).
 */
export function hrefWithFilter(current: string, name: string, value: string): string {
  const params = new URLSearchParams(current);
  const trimmed = value.trim();
  if (trimmed) params.set(name, trimmed);
  else params.delete(name);
  params.delete("page");
  params.delete("cursor");
  const search = params.toString();
  return search ? `/claims?${search}` : "/claims";
}
