import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { cachedIndexPath } from "@/domains/publishing/index-url";
import { contentSecurityPolicy } from "@/lib/content-security-policy.mjs";

/** Open to everyone: they get the Content-Security-Policy like every page, but no sign-in gate. */
const PUBLIC_PAGES = /^\/(?:sign-in|api-docs|fact-checks)(?:\/|$)/;

const isDevelopment = process.env.NODE_ENV === "development";

/**
 * Scripts run only with this request's nonce: Next puts it on its own inline and bundle scripts (it
 * reads it from the request's CSP header), and 'strict-dynamic' lets those load the chunks they need.
 * No 'unsafe-eval' in production; `next dev` needs it for React's debugging tools.
 *
 * Styles: Tailwind builds CSS files ('self') and Next gives its own <style> elements the nonce, so
 * style elements need no 'unsafe-inline' (style attributes: lib/content-security-policy.mjs).
 * In development, styles are inline as Next's CSP guide recommends for `next dev`.
 */
function pagePolicy(nonce: string): string {
  return contentSecurityPolicy({
    scriptSources: [`'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    styleSources: [isDevelopment ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    frameAncestors: "'none'",
  });
}

function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Runs before every page. It sets the page's Content-Security-Policy with a fresh nonce, and it is a
 * quick first gate for the pages that need a session: without a session cookie, go to sign-in and
 * come back. The gate only looks at the cookie; every page and route handler still checks the
 * session itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // The index without a search is the same for everyone: its cached page (domains/publishing/index-url.ts).
  const cachedIndex = pathname === "/fact-checks" ? cachedIndexPath(request.nextUrl.searchParams) : null;
  if (cachedIndex) return NextResponse.rewrite(new URL(cachedIndex, request.url));
  // The corrections log is public: readers get its public page, signed-in users the desk's view.
  if (pathname === "/corrections" && !getSessionCookie(request)) {
    return NextResponse.rewrite(new URL(`/fact-checks/corrections${search}`, request.url));
  }
  if (!PUBLIC_PAGES.test(pathname) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const policy = pagePolicy(newNonce());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page, public ones included (they need the CSP too), except the readers' pages under
  // /fact-checks/: those are generated once and served from the cache, with a CSP of hashes that
  // lib/cache/handler.mjs computes for each (a nonce would need a render per request). The index
  // /fact-checks stays here: a search renders per request, any other view is rewritten to its cached page. The API sets its own static CSP in
  // next.config.js and answers 401 itself; Next's assets, the icon and robots.txt are files.
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg|robots.txt|sitemap|fact-checks/).*)"],
};
