import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteNav } from "@/components/site-nav";
import { SkipLink } from "@/components/skip-link";
import { themeFromCookie } from "@/components/theme-cookie";
import { ThemeSwitch } from "@/components/theme-switch";
import { ROLE_LABELS } from "@/domains/users/roles";
import { mayManageUsers } from "@/domains/users/rules";
import { getCurrentUser } from "@/domains/users/session";
import { signOut } from "./sign-in/actions";
import "../globals.css";
import { buttonClass } from "@/components/ui";

export const metadata: Metadata = {
  title: { default: "Fact-check desk", template: "%s · Fact-check desk" },
  description: "Track every factual claim of an article from first read to verified verdict.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const theme = await themeFromCookie();
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
    // No class for "system": globals.css then follows prefers-color-scheme.
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <SkipLink />
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 md:py-3">
            <Link href="/" className="mr-auto text-lg font-semibold tracking-tight">
              Fact-check desk
            </Link>
            {user ? (
              <>
                {/* On a phone the account and the theme sit behind this button: a native popover, so it
                    opens, closes on Escape or a click outside, and keeps its focus order without script. */}
                <button
                  type="button"
                  popoverTarget="account-menu"
                  className={`${buttonClass("secondary", "small")} md:hidden`}
                >
                  Account
                </button>
                <SiteNav links={links} />
                <div
                  id="account-menu"
                  popover="auto"
                  className="inset-auto top-14 right-4 w-80 max-w-[calc(100vw-2rem)] space-y-4 rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-lg md:static md:flex md:w-auto md:max-w-none md:items-center md:gap-3 md:space-y-0 md:overflow-visible md:border-0 md:bg-transparent md:p-0 md:text-inherit md:shadow-none"
                >
                  <form action={signOut} className="flex flex-wrap items-center gap-2 text-sm">
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
                  <ThemeSwitch theme={theme} />
                </div>
              </>
            ) : (
              <ThemeSwitch theme={theme} labelHiddenOnPhones />
            )}
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
