import type { Metadata, Viewport } from "next";
import Link from "next/link";
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
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  const organization = publishingOrganization();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
            <Link href="/fact-checks" className="mr-auto text-lg font-semibold tracking-tight">
              {organization.name}
            </Link>
            <nav aria-label="Fact-checks">
              <ul className="flex gap-4 text-sm font-medium">
                <li>
                  <Link href="/fact-checks" className="text-blue-800 underline-offset-2 hover:underline">
                    All fact-checks
                  </Link>
                </li>
                <li>
                  <Link href="/corrections" className="text-blue-800 underline-offset-2 hover:underline">
                    Corrections
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto min-h-screen max-w-4xl px-4 py-6 sm:py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-4xl px-4 pb-8 text-xs text-slate-600">
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <Link href="/fact-checks" className="underline underline-offset-2">
              All fact-checks
            </Link>
            <Link href="/corrections" className="underline underline-offset-2">
              Corrections
            </Link>
            <a href="/fact-checks/feed.xml" className="underline underline-offset-2">
              Atom feed
            </a>
            <a href="/fact-checks/feed.json" className="underline underline-offset-2">
              JSON feed
            </a>
            <Link href="/api-docs" className="underline underline-offset-2">
              API for partners
            </Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
