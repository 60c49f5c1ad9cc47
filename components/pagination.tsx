import Link from "next/link";

/** Page numbers to show: the first, the last, and two either side of the current one. */
function visiblePages(current: number, last: number): (number | "gap")[] {
  const pages = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((page) => page >= 1 && page <= last).sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  for (const page of sorted) {
    const previous = result[result.length - 1];
    if (typeof previous === "number" && page - previous > 1) result.push("gap");
    result.push(page);
  }
  return result;
}

const ITEM = "inline-flex min-w-10 items-center justify-center rounded-md px-3 py-2 text-sm";

export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  // A page past the end (an old link to a list that shrank) steps back to the last page, not to page - 1.
  const previous = Math.min(page - 1, pageCount);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center gap-1">
      {page > 1 ? (
        <Link href={hrefFor(previous)} className={`${ITEM} text-blue-800 hover:bg-slate-200`} rel="prev">
          Previous
        </Link>
      ) : null}
      {visiblePages(Math.min(page, pageCount), pageCount).map((item, index) =>
        item === "gap" ? (
          <span key={`gap-${index}`} className={`${ITEM} text-slate-600`} aria-hidden="true">
            …
          </span>
        ) : (
          <Link
            key={item}
            href={hrefFor(item)}
            aria-label={`Page ${item}`}
            aria-current={item === page ? "page" : undefined}
            className={`${ITEM} ${item === page ? "bg-slate-900 text-white" : "text-blue-800 hover:bg-slate-200"}`}
          >
            {item}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={`${ITEM} text-blue-800 hover:bg-slate-200`} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
