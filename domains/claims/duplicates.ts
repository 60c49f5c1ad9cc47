import "server-only";
import { historyRecord, lockClaim } from "@/domains/sources/mutations";
import { sourceSelect } from "@/domains/sources/data";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { assertCanWork, assertVersion, commitClaimChange, OPEN_STATUSES, type Tx } from "./mutations";
import type { DuplicateLink, StartFromDuplicate } from "./schema";

export interface SimilarClaim {
  id: number;
  statement: string;
  articleId: number;
  articleTitle: string;
  status: ReviewStatus;
  verdict: Verdict;
  /** pg_trgm similarity of the two statements, from 0 to 1. */
  similarity: number;
}

/** How alike two statements must be (pg_trgm similarity) to be shown: below it, matches are mostly shared names. */
export const SIMILARITY_THRESHOLD = 0.3;
const SIMILAR_LIMIT = 5;

/**
 * Earlier fact-checks like this claim: the verified claims whose statement reads most like its
 * statement (pg_trgm similarity), best first. Verified ones only, since their verdict and sources are
 * what a reviewer can start from. One query: the nearest statements come from a partial GiST trigram
 * index over verified claims in distance order (`<->` is 1 − similarity), so the cost stays flat
 * however many claims share words with this one; the threshold then drops those not alike enough.
 */
export async function findSimilarClaims(claimId: number): Promise<SimilarClaim[]> {
  return db().$queryRaw<SimilarClaim[]>`
    SELECT nearest.id, nearest.statement, nearest."articleId", a.title AS "articleTitle", nearest.status, nearest.verdict,
           (1 - nearest.distance)::float8 AS similarity
    FROM "Claim" this
    CROSS JOIN LATERAL (
      SELECT other.id, other.statement, other."articleId", other.status, other.verdict, other.statement <-> this.statement AS distance
      FROM "Claim" other
      WHERE other.status = 'verified' AND other.id <> this.id
      ORDER BY other.statement <-> this.statement
      LIMIT ${SIMILAR_LIMIT}
    ) nearest
    JOIN "Article" a ON a.id = nearest."articleId"
    WHERE this.id = ${claimId} AND nearest.distance <= ${1 - SIMILARITY_THRESHOLD}
    ORDER BY nearest.distance, nearest.id`;
}

/** The earlier claim a duplicate points at, as its page offers it: verdict, rationale and sources. */
export async function getDuplicateTarget(claimId: number, client: Pick<Tx, "claim"> = db()) {
  return client.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      statement: true,
      status: true,
      verdict: true,
      rationale: true,
      sources: { select: sourceSelect, orderBy: { id: "asc" } },
    },
  });
}

/**
 * Marks a claim as a duplicate of an earlier, verified claim, or clears the mark. It copies nothing:
 * the earlier verdict and sources are offered on the claim's page, to take explicitly.
 */
export async function linkDuplicate(actor: CurrentUser, claimId: number, link: DuplicateLink): Promise<void> {
  await db().$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    await assertVersion(tx, claim, link.version);
    if (!OPEN_STATUSES.includes(claim.status)) {
      throw new DomainError("forbidden", "Only an unreviewed or in-progress claim can be marked as a duplicate.");
    }
    assertCanWork(actor, claim, "mark it as a duplicate");
    if (claim.duplicateOfId === link.duplicateOfId) return;
    if (link.duplicateOfId !== null) {
      if (link.duplicateOfId === claimId) {
        throw new DomainError("invalid", "A claim cannot duplicate itself.", {
          duplicateOfId: ["Choose another claim."],
        });
      }
      const target = await tx.claim.findUnique({ where: { id: link.duplicateOfId }, select: { status: true } });
      if (!target)
        throw new DomainError("invalid", "No claim has this id.", { duplicateOfId: ["No claim has this id."] });
      if (target.status !== "verified") {
        throw new DomainError("invalid", "Only a verified claim can be the original.", {
          duplicateOfId: ["This claim is not verified yet: its verdict cannot be reused."],
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
    if (claim.status !== "in_progress") throw new DomainError("forbidden", "Start work on the claim first.");
    assertCanWork(actor, claim, "start from the earlier verdict");
    const original = claim.duplicateOfId === null ? null : await getDuplicateTarget(claim.duplicateOfId, tx);
    if (!original) throw new DomainError("invalid", "This claim is not marked as a duplicate of another.");
    // Marked while it was verified, it may have been reopened since: a verdict under correction is no one's starting point.
    if (original.status !== "verified") {
      throw new DomainError(
        "forbidden",
        `Claim #${original.id} is no longer verified (it was reopened for a correction): its verdict and sources can be taken once it is verified again.`,
      );
    }

    let version = claim.version;
    if (request.take.includes("verdict")) {
      const rationale = `As verified for claim #${original.id}: ${original.rationale ?? ""}`.trim();
      version = (
        await commitClaimChange(tx, {
          claimId,
          version,
          actor,
          action: "edited",
          data: { verdict: original.verdict, rationale },
          before: { verdict: claim.verdict, rationale: claim.rationale },
          after: { verdict: original.verdict, rationale },
        })
      ).version;
    }
    if (request.take.includes("sources")) {
      const attached = new Set(
        (await tx.source.findMany({ where: { claimId }, select: { url: true } })).map((source) => source.url),
      );
      for (const earlier of original.sources.filter((source) => !attached.has(source.url))) {
        const source = await tx.source.create({
          data: {
            claimId,
            url: earlier.url,
            title: earlier.title,
            publisher: earlier.publisher,
            excerpt: earlier.excerpt,
            stance: earlier.stance,
            archiveUrl: earlier.archiveUrl,
            addedById: actor.id,
          },
          select: sourceSelect,
        });
        version = (
          await commitClaimChange(tx, {
            claimId,
            version,
            actor,
            action: "source_added",
            before: {},
            after: historyRecord(source),
          })
        ).version;
      }
    }
  });
}
