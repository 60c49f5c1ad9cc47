import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type CurrentUser, hasRole } from "@/domains/users/roles";
import { auth } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** The signed-in, active user of a request, or null. A deactivated user's session stops working at once. */
export async function userFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.active !== true) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role as Role };
}

/** For server components and actions; one session lookup per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromHeaders(await headers()));

/** Pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Server actions and route handlers: refuses instead of redirecting. */
export function assertRole(user: CurrentUser, atLeast: Role, doing: string): void {
  if (!hasRole(user.role, atLeast)) {
    throw new DomainError("forbidden", `Only ${atLeast === "admin" ? "admins" : `${atLeast}s and above`} can ${doing}.`);
  }
}
