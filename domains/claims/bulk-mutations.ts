import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError, isDomainError } from "@/lib/errors";
import { refuseUnless } from "@/lib/permission";
import { type ClaimState, commitClaimChange, lockClaims, type Tx } from "./change";
import { assign, type ClaimChangeDraft, type ClaimCommand, release, setTopic } from "./commands";
import { mayBulkEdit } from "./rules";
import type { BulkClaimChange } from "./schema";

/**
 * A change to several claims at once (`POST /api/claims/bulk`, the claims list's selection): each claim
 * runs the same command, with the same rule and the same history event, as it would one at a time, and
 * all of them apply or none does.
 */

interface Person {
  id: string;
  name: string;
}

/** Each claim as the bulk change left it; `changed` is false where it asked for what the claim already had. */
export interface BulkChangedClaim {
  id: number;
  version: number;
  changed: boolean;
  assignee: Person | null;
  topic: string;
}

function commandOf(change: BulkClaimChange): ClaimCommand {
  switch (change.action) {
    case "assign":
      return assign(change.assigneeId);
    case "release":
      return release;
    case "set_topic":
      return setTopic(change.topic);
  }
}

function claimNumbers(ids: readonly number[]): string {
  const numbers = ids.map((id) => `#${id}`);
  return numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
}

/** The 409 of a bulk change: every claim whose version is not the one sent, with the version stored now. */
function staleClaims(stale: readonly ClaimState[]): DomainError {
  const ids = stale.map((claim) => claim.id);
  const what =
    ids.length === 1
      ? `Claim ${claimNumbers(ids)} changed since you loaded it`
      : `Claims ${claimNumbers(ids)} changed since you loaded them`;
  return new DomainError(
    "conflict",
    `${what}; nothing was saved. Check the claims as they are now and try again.`,
    undefined,
    { conflicts: stale.map(({ id, version }) => ({ id, version })) },
  );
}

/** The claims' assignees by id, for the answer (the commands read only their ids). */
async function assigneesOf(tx: Tx, claims: readonly ClaimState[]): Promise<Map<string, Person>> {
  const ids = [...new Set(claims.flatMap((claim) => (claim.assigneeId ? [claim.assigneeId] : [])))];
  const people = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(people.map((person) => [person.id, person]));
}

/** A rule's refusal names the claim it refused, so the user knows which one to leave out. */
async function onClaim<T>(claimId: number, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error) && error.kind === "forbidden") {
      throw new DomainError("forbidden", `Claim #${claimId}: ${error.message}`, error.fields, error.details);
    }
    throw error;
  }
}

/**
 * Runs the change on every claim in one transaction, the claims locked in id order. Nothing is written
 * unless every claim is at the version sent (else a 409 naming those that are not) and every claim's
 * rule allows its command (else the 403 of the first refused, naming it). A claim the change leaves as
 * it was keeps its version and gets no history event, as one at a time.
 */
export async function bulkChangeClaims(actor: CurrentUser, change: BulkClaimChange): Promise<BulkChangedClaim[]> {
  refuseUnless(mayBulkEdit(actor));
  const command = commandOf(change);
  const sentVersions = new Map(change.items.map((item) => [item.id, item.version]));
  return db().$transaction(async (tx) => {
    const claims = await lockClaims(tx, [...sentVersions.keys()]);
    const missing = [...sentVersions.keys()].filter((id) => !claims.some((claim) => claim.id === id));
    if (missing.length > 0) {
      throw new DomainError("invalid", "Some of the claims sent do not exist.", {
        items: missing.map((id) => `No claim has the id ${id}.`),
      });
    }
    const stale = claims.filter((claim) => claim.version !== sentVersions.get(claim.id));
    if (stale.length > 0) throw staleClaims(stale);

    const assignees = await assigneesOf(tx, claims);
    const context = { actor, client: tx };
    const changed: BulkChangedClaim[] = [];
    for (const seen of claims) {
      const initial: ClaimChangeDraft = {
        seen,
        assignee: seen.assigneeId ? (assignees.get(seen.assigneeId) ?? null) : null,
        action: null,
        data: {},
        before: {},
        after: {},
      };
      const draft = await onClaim(seen.id, async () => command(initial, context));
      const { action, data, before, after } = draft;
      const asLeft = { id: seen.id, assignee: draft.assignee, topic: data.topic ?? seen.topic };
      if (action === null || Object.keys(after).length === 0) {
        changed.push({ ...asLeft, version: seen.version, changed: false });
        continue;
      }
      const written = await commitClaimChange(tx, {
        claimId: seen.id,
        version: seen.version,
        actor,
        action,
        data,
        before,
        after,
      });
      changed.push({ ...asLeft, version: written.version, changed: true });
    }
    return changed;
  });
}
