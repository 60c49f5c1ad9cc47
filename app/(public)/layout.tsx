import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/skip-link";
import { publishingOrganization, siteOrigin } from "@/lib/site";
import "../globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteOrigin()),
  title: {
    default: `Fact-checks · ${publishingOrganization().name}`,
    template: `%s · ${publishingOrganization().name}`,
  },
  description: "Published fact-checks: each claim, our verdict, why, and the sources.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The readers' pages: their own root layout, which reads no cookie and no session, so that every page
 * below can be generated once per change and served from the cache (docs/PUBLISHING.md). The theme
 * follows the reader's system setting. Links lead to the index and the corrections, never to sign-in.
 */
const NAV_LINK = "inline-flex rounded-md px-3 py-2 text-blue-800 hover:bg-slate-100 hover:underline";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  const organization = publishingOrganization();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col bg-slate-50 font-sans text-slate-900 antialiased">
        <SkipLink />
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-3">
            <Link href="/fact-checks" className="text-lg font-bold tracking-tight text-slate-950">
              {organization.name}
            </Link>
            <nav aria-label="Fact-checks">
              <ul className="-ml-3 flex gap-1 text-sm font-medium sm:ml-0">
                <li>
                  <Link href="/fact-checks" className={NAV_LINK}>
                    All fact-checks
                  </Link>
                </li>
                <li>
                  <Link href="/corrections" className={NAV_LINK}>
                    Corrections
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-6 sm:py-10">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-3xl flex-col gap-3 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:items-center sm:justify-between">
            <p>
              Fact-checks by{" "}
              {organization.url ? (
                <a href={organization.url} className="font-medium underline underline-offset-2">
                  {organization.name}
                </a>
              ) : (
                <span className="font-medium">{organization.name}</span>
              )}
            </p>
            <nav aria-label="More">
              <ul className="flex flex-wrap gap-x-4 gap-y-2">
                <li>
                  <Link href="/fact-checks" className="underline underline-offset-2">
                    All fact-checks
                  </Link>
                </li>
                <li>
                  <Link href="/corrections" className="underline underline-offset-2">
                    Corrections
                  </Link>
                </li>
                <li>
                  <a href="/fact-checks/feed.xml" className="underline underline-offset-2">
                    Atom feed
                  </a>
                </li>
                <li>
                  <a href="/fact-checks/feed.json" className="underline underline-offset-2">
                    JSON feed
                  </a>
                </li>
                <li>
                  <a href="/api-docs" className="underline underline-offset-2">
                    API for partners
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
