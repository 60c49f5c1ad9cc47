import { allow, type Decision, deny } from "@/lib/permission";
import { hasRole, type CurrentUser } from "./roles";

/** Who is asking, as every domain's rules take it: plain data, so a page in the browser asks as the server does. */
export type Actor = Pick<CurrentUser, "id" | "role">;

/**
 * Who is asking to manage users. `active` is known when the server re-reads the actor's row under
 * lock as it writes: an admin deactivated meanwhile manages no one. Left out, the actor is active
 * (a signed-in user's session ends when they are deactivated).
 */
export type UserManager = Actor & { active?: boolean };

/** What an admin does on the Users page, as the refusals name it. */
export type UserTask =
  "manage users" | "create users" | "change roles" | "deactivate or reactivate users" | "set passwords";

/** Active admins manage users. The same rule shows the Users page and its link in the navigation. */
export function mayManageUsers(actor: Pick<UserManager, "role" | "active">, task: UserTask): Decision {
  return hasRole(actor.role, "admin") && actor.active !== false ? allow() : deny(`Only admins can ${task}.`);
}

export function mayCreateUser(actor: UserManager): Decision {
  return mayManageUsers(actor, "create users");
}

/** Nobody changes their own role, so the desk always keeps an admin. */
export function mayChangeRole(actor: UserManager, user: { id: string }, role: CurrentUser["role"]): Decision {
  const asAdmin = mayManageUsers(actor, "change roles");
  if (!asAdmin.allowed) return asAdmin;
  if (user.id === actor.id && !hasRole(role, "admin")) {
    return deny("You cannot change your own role: ask another admin, so that the desk always keeps an admin.");
  }
  return allow();
}

/** Nobody deactivates their own account, so the desk always keeps an admin. */
export function maySetActive(actor: UserManager, user: { id: string }, active: boolean): Decision {
  const asAdmin = mayManageUsers(actor, "deactivate or reactivate users");
  if (!asAdmin.allowed) return asAdmin;
  if (user.id === actor.id && !active) {
    return deny("You cannot deactivate your own account: ask another admin, so that the desk always keeps an admin.");
  }
  return allow();
}

/** An admin may set anyone's password, their own included (they are then signed out everywhere). */
export function maySetPassword(actor: UserManager): Decision {
  return mayManageUsers(actor, "set passwords");
}
