import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-call";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { formActionWith } from "@/lib/action";
import { authenticatedRouteWith } from "@/lib/api";
import { SESSION_SECONDS, auth } from "./auth";
import { findSessionWithUser } from "./data";
import type { CurrentUser } from "./roles";
import { roleSchema } from "./schema";

/*
 * Who is signed in, read here in the users domain rather than in lib/: the session is a user's, and
 * lib/ stays generic, below every domain (tests/unit/layers.test.ts). lib/ gives the wrappers of route
 * handlers and form actions; they are bound to this session lookup at the end of this file.
 */

/** The only signature Better Auth writes and accepts: HMAC-SHA256 in standard base64 with its padding. */
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

/**
 * The session token of the request's session cookie, checked exactly as Better Auth's `getSignedCookie`
 * checks it, so that both always agree on who is signed in: the one cookie name Better Auth uses in
 * this mode (`__Secure-` in production; an unprefixed cookie planted by a subdomain or over http is
 * ignored), the first of duplicated cookies (Better Auth's cookie parser, better-call's), the same
 * signature encoding, and the secret Better Auth signs with (its current one when BETTER_AUTH_SECRETS
 * lists several). The HMAC runs in node:crypto, synchronously, where Better Auth awaits WebCrypto.
 */
async function verifiedSessionToken(requestHeaders: Headers): Promise<string | null> {
  const cookieHeader = requestHeaders.get("cookie");
  if (!cookieHeader) return null;
  const { authCookies, secret } = await auth().$context;
  const value = parseCookies(cookieHeader).get(authCookies.sessionToken.name);
  const dot = value ? value.lastIndexOf(".") : -1;
  if (!value || dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (!SIGNATURE.test(signature)) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  return timingSafeEqual(Buffer.from(signature, "base64"), expected) ? token : null;
}

function isDueForRefresh(expiresAt: Date): boolean {
  return expiresAt.getTime() - (SESSION_SECONDS.expiresIn - SESSION_SECONDS.updateAge) * 1000 <= Date.now();
}

/**
 * The signed-in, active user of a request, or null. A deactivated user's session stops working at once.
 *
 * Every request pays for this check, so the common case is one statement (session joined to its user)
 * after an HMAC check of the cookie, where Better Auth's `getSession` issues two and verifies with
 * WebCrypto. The checks are Better Auth's own: signature, token, expiry. A session that has expired or
 * is due to be extended goes through Better Auth, which deletes or extends it.
 */
export async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const token = await verifiedSessionToken(requestHeaders);
  if (!token) return null;
  const session = await findSessionWithUser(token);
  if (!session) return null;
  let user = session.user;
  if (session.expiresAt.getTime() <= Date.now() || isDueForRefresh(session.expiresAt)) {
    const refreshed = await auth().api.getSession({ headers: requestHeaders });
    if (!refreshed) return null;
    // Better Auth declares the role an additional string field; it is the Role column, parsed rather than cast.
    user = { ...refreshed.user, role: roleSchema.parse(refreshed.user.role), active: refreshed.user.active === true };
  }
  if (!user.active) return null;
  const { id, name, email, role } = user;
  return { id, name, email, role };
}

/** For server components and actions; one session lookup per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromHeaders(await headers()));

/** Pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Route handlers for signed-in users only: 401 without a valid session, 403 for a cross-site write. */
export const authenticatedRoute = authenticatedRouteWith(userFromHeaders);

/** Server actions of forms, run for the signed-in user (lib/action.ts). */
export const formAction = formActionWith(getCurrentUser);
