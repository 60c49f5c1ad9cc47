import type { Actor } from "@/domains/users/rules";
import { hasRole } from "@/domains/users/roles";
import { allow, type Decision, deny } from "@/lib/permission";

/** Editors and admins set a suggestion aside for good. */
export function mayDismissSuggestion(actor: Actor): Decision {
  return hasRole(actor.role, "editor") ? allow() : deny("Only editors and admins dismiss suggestions.");
}

/**
 * The article page highlights suggestions for those who act on them (accept one as a claim, or
 * dismiss it): editors and admins. The API lists them to any signed-in user; this is what the page offers.
 */
export function mayWorkOnSuggestions(actor: Actor): Decision {
  return mayDismissSuggestion(actor);
}
