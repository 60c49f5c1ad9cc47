import { type ClaimListQuery, DEFAULT_PAGE_SIZE } from "./schema";

/** The claims-list URL for a query, with defaults left out so links stay short and stable. */
export function claimListHref(query: Partial<ClaimListQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.article) params.set("article", String(query.article));
  if (query.status) params.set("status", query.status);
  if (query.verdict) params.set("verdict", query.verdict);
  if (query.topic) params.set("topic", query.topic);
  if (query.assignee) params.set("assignee", query.assignee);
  if (query.sort && query.sort !== "position") params.set("sort", query.sort);
  if (query.pageSize && query.pageSize !== DEFAULT_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/claims?${search}` : "/claims";
}

/** The CSV of the same view: its filters and order, every page. */
export function claimExportHref(query: Partial<ClaimListQuery>): string {
  const listHref = claimListHref({ ...query, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  return listHref.replace(/^\/claims/, "/api/claims/export.csv");
}
