"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The width of the fade at the right end of the scrolling row (the list's `pr-8` and its mask). */
const FADE_PX = 32;

/** On a phone the links are one row that scrolls sideways; on wider screens they wrap as before. */
export function SiteNav({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // The current page's link may sit past the right edge of the scrolling row: scroll just enough to
    // show it whole (and clear of the fade), so the links before it stay in view as far as they fit.
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!row || !current) return;
    const hiddenBeyondRight = current.getBoundingClientRect().right - (row.getBoundingClientRect().right - FADE_PX);
    if (hiddenBeyondRight > 0) row.scrollLeft += hiddenBeyondRight;
  }, [pathname]);
  return (
    <nav aria-label="Main" className="order-last min-w-0 basis-full md:order-none md:basis-auto">
      {/* Both edges fade out so a cut link reads as "more this way", never as a word cut short. The row
          reaches into the page's side margins, where the fades sit: at rest the first link starts where
          the page's text does, clear of the left fade, and the right padding lets the last link scroll
          clear of the right one. */}
      <ul
        ref={list}
        className="-mx-4 flex gap-1 overflow-x-auto [mask-image:linear-gradient(to_right,transparent,#000_1rem,#000_calc(100%-2rem),transparent)] pr-8 pl-4 md:mx-0 md:flex-wrap md:overflow-visible md:[mask-image:none] md:px-0"
      >
        {links.map((link) => {
          const current = isCurrent(pathname, link.href);
          return (
            <li key={link.href} className="shrink-0">
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap ${
                  current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
