import { allow, type Decision, deny } from "@/lib/permission";
import { hasRole, type CurrentUser } from "./roles";

/** Who is asking, as every domain's rules take it: plain data, so a page in the browser asks as the server does. */
export type Actor = Pick<CurrentUser, "id" | "role">;

/** What an admin does on the Users page, as the refusals name it. */
export type UserTask =
  "manage users" | "create users" | "change roles" | "deactivate or reactivate users" | "set passwords";

/**
 * Admins manage users; an admin whose account is deactivated (read under lock, when a change is
 * written) no longer does. The same rule shows the Users page and its link in the navigation.
 */
export function mayManageUsers(actor: Pick<Actor, "role"> & { active?: boolean }, task: UserTask): Decision {
  return hasRole(actor.role, "admin") && actor.active !== false ? allow() : deny(`Only admins can ${task}.`);
}

export function mayCreateUser(actor: Actor): Decision {
  return mayManageUsers(actor, "create users");
}

/** Nobody changes their own role, so the desk always keeps an admin. */
export function mayChangeRole(actor: Actor, user: { id: string }, role: CurrentUser["role"]): Decision {
  const asAdmin = mayManageUsers(actor, "change roles");
  if (!asAdmin.allowed) return asAdmin;
  if (user.id === actor.id && !hasRole(role, "admin")) {
    return deny("You cannot change your own role: ask another admin, so that the desk always keeps an admin.");
  }
  return allow();
}

/** Nobody deactivates their own account, so the desk always keeps an admin. */
export function maySetActive(actor: Actor, user: { id: string }, active: boolean): Decision {
  const asAdmin = mayManageUsers(actor, "deactivate or reactivate users");
  if (!asAdmin.allowed) return asAdmin;
  if (user.id === actor.id && !active) {
    return deny("You cannot deactivate your own account: ask another admin, so that the desk always keeps an admin.");
  }
  return allow();
}

/** An admin may set anyone's password, their own included (they are then signed out everywhere). */
export function maySetPassword(actor: Actor): Decision {
  return mayManageUsers(actor, "set passwords");
}
