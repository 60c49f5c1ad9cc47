import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

/**
 * A quick first gate for pages: without a session cookie, go to sign-in and come back. It only
 * looks at the cookie; every page and route handler still checks the session itself.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: the API answers 401 itself; sign-in, the published fact-checks, the API
  // documentation, Next's assets, the icon and robots.txt are open to everyone.
  matcher: ["/((?!api/|api-docs|fact-checks/|sign-in|_next/|favicon.ico|icon.svg|robots.txt).*)"],
};
