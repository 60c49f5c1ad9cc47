import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Prisma, type Verdict } from "@/lib/generated/prisma/client";
import { refuseUnless } from "@/lib/permission";
import {
  addSourceWithChange,
  assertVersion,
  type ClaimState,
  commitClaimChange,
  conflict,
  lockClaim,
  type Tx,
} from "./change";
import { getDuplicateTarget } from "./duplicates-data";
import { mayMarkDuplicate, mayStartFromDuplicate } from "./rules";
import type { DuplicateLink, StartFromDuplicate } from "./schema";
import type { SourceRecord } from "./source-record";

/**
 * Marking a claim as a duplicate of an earlier fact-check, and starting from that fact-check; the
 * reads (similar claims, the original as offered) are in duplicates-data.ts.
 */

/**
 * Marks a claim as a duplicate of an earlier, verified claim, or clears the mark. It copies nothing:
 * the earlier verdict and sources are offered on the claim's page, to take explicitly.
 */
export async function linkDuplicate(actor: CurrentUser, claimId: number, link: DuplicateLink): Promise<void> {
  await db().$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    await assertVersion(tx, claim, link.version);
    refuseUnless(mayMarkDuplicate(actor, claim));
    if (claim.duplicateOfId === link.duplicateOfId) return;
    if (link.duplicateOfId !== null) {
      if (link.duplicateOfId === claimId) {
        throw new DomainError("invalid", "A claim cannot duplicate itself.", {
          duplicateOfId: ["Choose another claim."],
        });
      }
      const target = await tx.claim.findUnique({
        where: { id: link.duplicateOfId },
        select: { status: true, retractedAt: true },
      });
      if (!target)
        throw new DomainError("invalid", "No claim has this id.", { duplicateOfId: ["No claim has this id."] });
      if (target.status !== "verified") {
        throw new DomainError("invalid", "Only a verified claim can be the original.", {
          duplicateOfId: ["This claim is not verified yet: its verdict cannot be reused."],
        });
      }
      if (target.retractedAt) {
        throw new DomainError("invalid", "A retracted fact-check cannot be the original.", {
          duplicateOfId: ["This fact-check was retracted: its verdict cannot be reused."],
        });
      }
    }
    await commitClaimChange(tx, {
      claimId,
      version: claim.version,
      actor,
      action: link.duplicateOfId === null ? "duplicate_unlinked" : "duplicate_linked",
      data: { duplicateOfId: link.duplicateOfId },
      before: { duplicateOfId: claim.duplicateOfId },
      after: { duplicateOfId: link.duplicateOfId },
    });
  });
}

/**
 * Takes what the reviewer asked for from the claim this one duplicates: its verdict and rationale
 * (as a draft, still to be proposed and approved here), its sources not yet attached, or both, while
 * that claim is verified. One transaction: all of it is taken or none.
 */
export async function startFromDuplicate(
  actor: CurrentUser,
  claimId: number,
  request: StartFromDuplicate,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    await assertVersion(tx, claim, request.version);
    const original = claim.duplicateOfId === null ? null : await getDuplicateTarget(claim.duplicateOfId, tx);
    refuseUnless(mayStartFromDuplicate(actor, claim, original));
    if (!original) throw new DomainError("invalid", "This claim is not marked as a duplicate of another.");

    const version = request.take.includes("verdict") ? await takeVerdict(tx, actor, claim, original) : claim.version;
    if (request.take.includes("sources")) await copySources(tx, actor, claimId, version, original.sources);
  });
}

/** The original's verdict and rationale become the claim's draft, the rationale saying where it comes from; the new version. */
async function takeVerdict(
  tx: Tx,
  actor: CurrentUser,
  claim: ClaimState,
  original: { id: number; verdict: Verdict; rationale: string | null },
): Promise<number> {
  const rationale = `As verified for claim #${original.id}: ${original.rationale ?? ""}`.trim();
  const written = await commitClaimChange(tx, {
    claimId: claim.id,
    version: claim.version,
    actor,
    action: "edited",
    data: { verdict: original.verdict, rationale },
    before: { verdict: claim.verdict, rationale: claim.rationale },
    after: { verdict: original.verdict, rationale },
  });
  return written.version;
}

/**
 * Attaches the original's sources whose url the claim does not have yet, each as adding a source
 * does: its own statement, version and `source_added` event. The claim is locked, so each applies.
 */
async function copySources(
  tx: Tx,
  actor: CurrentUser,
  claimId: number,
  version: number,
  sources: SourceRecord[],
): Promise<void> {
  const attached = new Set(
    (await tx.source.findMany({ where: { claimId }, select: { url: true } })).map((source) => source.url),
  );
  let current = version;
  for (const source of sources.filter((earlier) => !attached.has(earlier.url))) {
    const added = await addSourceWithChange(tx, {
      claimId,
      actor,
      condition: Prisma.sql`version = ${current}`,
      source,
    });
    if (!added) throw await conflict(tx, claimId);
    current = added.claimVersion;
  }
}
