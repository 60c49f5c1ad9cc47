import { Role } from "@/lib/generated/prisma/enums";

export const ROLES = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  reviewer: "Reviewer",
  editor: "Editor",
  admin: "Admin",
};

/** Editors can do all a reviewer can, admins all an editor can. */
const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };

export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}
