import Link from "next/link";

const STEP =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-blue-800 hover:bg-slate-100";

/**
 * Previous and next for a list that is not counted (the public index reads one row more than a page
 * instead of counting every match on a page rendered per request).
 */
export function Pager({
  page,
  hasNextPage,
  hrefFor,
}: {
  page: number;
  hasNextPage: boolean;
  hrefFor: (page: number) => string;
}) {
  if (page === 1 && !hasNextPage) return null;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={STEP}>
          <span aria-hidden="true">←&nbsp;</span>Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700" aria-current="page">
        Page {page}
      </span>
      {hasNextPage ? (
        <Link href={hrefFor(page + 1)} rel="next" className={STEP}>
          Older<span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
