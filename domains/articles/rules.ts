import type { Actor } from "@/domains/users/rules";
import { hasRole } from "@/domains/users/roles";
import { allow, type Decision, deny } from "@/lib/permission";

/** Editors and admins add articles (the overview's "Add an article" link, the import form, the API). */
export function mayImportArticle(actor: Actor): Decision {
  return hasRole(actor.role, "editor") ? allow() : deny("Only editors and above can add articles.");
}
