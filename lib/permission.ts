import { DomainError } from "@/lib/errors";

/**
 * The answer to "may this user do this now?": yes, or no with the reason the user is shown. The
 * server refuses with that reason and the pages decide what to offer from the same answer, so the
 * two cannot disagree. Pure and client-safe: each domain's `rules.ts` builds its answers on it.
 */
export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };

export function allow(): Decision {
  return ALLOWED;
}

export function deny(reason: string): Decision {
  return { allowed: false, reason };
}

/** The server's side of a rule: a refusal becomes a 403 (or the form's message) with the rule's reason. */
export function refuseUnless(decision: Decision): void {
  if (!decision.allowed) throw new DomainError("forbidden", decision.reason);
}
