import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found" };

/**
 * An address no page matches. The desk and the readers' pages have their own root layouts (one reads the
 * session, the other must not, to stay cacheable), so this page brings its own document.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main id="main" className="mx-auto max-w-2xl space-y-3 px-4 py-16">
          <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
          <p className="text-slate-700">There is no page at this address.</p>
          <p className="flex gap-4 text-sm font-medium">
            <Link href="/fact-checks" className="text-blue-800 underline underline-offset-2">
              Published fact-checks
            </Link>
            <Link href="/" className="text-blue-800 underline underline-offset-2">
              The desk
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
