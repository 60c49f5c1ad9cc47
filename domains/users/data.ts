import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  assignedClaimCount: number;
}

/** Every account for the admin page; the assigned-claim counts come in the same query. */
export async function listUsers(): Promise<UserListItem[]> {
  const users = await db().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      createdAt: true,
      _count: { select: { assignedClaims: true } },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map(({ _count, ...user }) => ({ ...user, assignedClaimCount: _count.assignedClaims }));
}

export interface AssignableUser {
  id: string;
  name: string;
  role: Role;
}

/** Who a claim can be assigned to: deactivated accounts are left out. */
export async function listAssignableUsers(): Promise<AssignableUser[]> {
  return db().user.findMany({
    where: { active: true },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export interface SessionWithUser {
  expiresAt: Date;
  user: { id: string; name: string; email: string; role: Role; active: boolean };
}

/** A session by its token with its user, in one statement (a join), for the check every request makes. */
export async function findSessionWithUser(token: string): Promise<SessionWithUser | null> {
  return db().session.findUnique({
    where: { token },
    select: { expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, active: true } } },
  });
}
