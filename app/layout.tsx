import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteNav } from "@/components/site-nav";
import { ROLE_LABELS } from "@/domains/users/roles";
import { mayManageUsers } from "@/domains/users/rules";
import { getCurrentUser } from "@/domains/users/session";
import { signOut } from "./sign-in/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fact-check desk", template: "%s · Fact-check desk" },
  description: "Track every factual claim of an article from first read to verified verdict.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const links = user
    ? [
        { href: "/", label: "Overview" },
        { href: "/claims", label: "Claims" },
        { href: "/queue", label: "My queue" },
        { href: "/corrections", label: "Corrections" },
        ...(mayManageUsers(user, "manage users").allowed ? [{ href: "/admin/users", label: "Users" }] : []),
      ]
    : [];
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
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight">
              Fact-check desk
            </Link>
            {user ? (
              <div className="flex flex-wrap items-center gap-3">
                <SiteNav links={links} />
                <form action={signOut} className="flex items-center gap-2 text-sm">
                  <span className="text-slate-700">
                    {user.name} <span className="text-slate-500">({ROLE_LABELS[user.role]})</span>
                  </span>
                  <button
                    type="submit"
                    className="rounded-md px-2 py-1 text-blue-800 underline underline-offset-2 hover:bg-slate-100"
                  >
                    Sign out
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" className="mx-auto min-h-screen max-w-6xl px-4 py-6 sm:py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-600">
          <Link href="/api-docs" className="underline underline-offset-2">
            API documentation
          </Link>
        </footer>
      </body>
    </html>
  );
}
