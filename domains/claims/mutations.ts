import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { refuseUnless } from "@/lib/permission";
import { assertVersion, commitClaimChange, loadClaimState } from "./change";
import { changeClaim, patchCommands } from "./commands";
import type { ClaimRecord } from "./data";
import { mayApprove, mayCreateClaim, mayReopen, mayRetract, maySendBack } from "./rules";
import type { ClaimPatch, NewClaim, ReopenInput, RetractInput, ReviewInput } from "./schema";
import { verdictWritersOf } from "./verdict-writers-data";

/**
 * PATCH semantics for a claim: take or assign it, start work, edit the verdict and rationale,
 * propose the verdict for a second review, or withdraw a proposal, as the named commands these are
 * (commands.ts), run as one change. Approval and reopening have their own functions, since they have
 * their own rules.
 */
export async function updateClaim(actor: CurrentUser, claimId: number, patch: ClaimPatch): Promise<ClaimRecord> {
  const { version, ...changes } = patch;
  if (Object.keys(changes).length === 0) {
    throw new DomainError("invalid", "Nothing to change: send status, verdict, rationale or assigneeId.");
  }
  return changeClaim(actor, claimId, version, patchCommands(changes, actor));
}

/**
 * The second review: anyone but the proposer approves (verified) or sends it back with a comment. The
 * two-person rule goes further for approval: no one who wrote any of the verdict or its rationale
 * approves it, an editor who edited it included; assigning the claim or sending it back is not writing it.
 */
export async function reviewClaim(
  actor: CurrentUser,
  claimId: number,
  review: ReviewInput,
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, review.version);
    if (review.decision === "send_back") {
      refuseUnless(maySendBack(actor, claim));
      return {
        version: (
          await commitClaimChange(tx, {
            claimId,
            version: review.version,
            actor,
            action: "sent_back",
            data: { status: "in_progress", proposedById: null, proposedAt: null },
            before: { status: claim.status },
            after: { status: "in_progress", comment: review.comment },
          })
        ).version,
      };
    }
    refuseUnless(
      mayApprove(actor, { ...claim, verdictWriterIds: (await verdictWritersOf(tx, [claimId])).get(claimId) }),
    );
    const now = new Date();
    const openCorrection = await tx.correction.findFirst({
      where: { claimId, resolvedAt: null },
      orderBy: { reopenedAt: "desc" },
      select: { id: true },
    });
    if (openCorrection) {
      await tx.correction.update({
        where: { id: openCorrection.id },
        data: { newVerdict: claim.verdict, newRationale: claim.rationale, resolvedAt: now },
      });
    }
    return {
      version: (
        await commitClaimChange(tx, {
          claimId,
          version: review.version,
          actor,
          action: openCorrection ? "correction_approved" : "approved",
          data: { status: "verified", verifiedById: actor.id, verifiedAt: now },
          before: { status: claim.status },
          after: { status: "verified", verdict: claim.verdict, ...(review.comment ? { comment: review.comment } : {}) },
        })
      ).version,
    };
  });
}

/** Editors reopen a verified claim to correct it; the correction is on the record until it is verified again. */
export async function reopenClaim(
  actor: CurrentUser,
  claimId: number,
  input: ReopenInput,
): Promise<{ version: number }> {
  refuseUnless(mayReopen(actor));
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, input.version);
    refuseUnless(mayReopen(actor, claim));
    await tx.correction.create({
      data: {
        claimId,
        reason: input.reason,
        previousVerdict: claim.verdict,
        previousRationale: claim.rationale,
        reopenedById: actor.id,
      },
    });
    return {
      version: (
        await commitClaimChange(tx, {
          claimId,
          version: input.version,
          actor,
          action: "reopened",
          data: { status: "in_progress", verifiedById: null, verifiedAt: null, proposedById: null, proposedAt: null },
          before: { status: claim.status, verdict: claim.verdict },
          after: { status: "in_progress", reason: input.reason },
        })
      ).version,
    };
  });
}

/**
 * Editors and admins withdraw a published fact-check: it stays verified on the desk, and readers are
 * told it was retracted, when and why (its page), while its ClaimReview answers 410 and the index, feeds
 * and sitemap leave it out (PUBLISHED_WHERE). A retraction is final (rules.ts says why).
 */
export async function retractClaim(
  actor: CurrentUser,
  claimId: number,
  input: RetractInput,
): Promise<{ version: number }> {
  refuseUnless(mayRetract(actor));
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, input.version);
    refuseUnless(mayRetract(actor, claim));
    const committed = await commitClaimChange(tx, {
      claimId,
      version: input.version,
      actor,
      action: "retracted",
      data: { retractedAt: new Date(), retractionReason: input.reason, retractedById: actor.id },
      before: {},
      after: { reason: input.reason },
    });
    return { version: committed.version };
  });
}

/**
 * A claim on an article's span (an accepted suggestion or any selected text); editors and admins.
 * The span is narrowed to exclude surrounding whitespace, and its quote is the body's text there,
 * so quote and offsets always agree.
 */
export async function createClaim(actor: CurrentUser, articleId: number, input: NewClaim): Promise<{ id: number }> {
  refuseUnless(mayCreateClaim(actor));
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { body: true } });
    if (!article) throw new DomainError("not_found", "No article has this id.");
    if (input.endOffset > article.body.length) {
      throw new DomainError("invalid", "The span is past the end of the article.", {
        endOffset: [`The article has ${article.body.length} characters.`],
      });
    }
    const raw = article.body.slice(input.startOffset, input.endOffset);
    const startOffset = input.startOffset + (raw.length - raw.trimStart().length);
    const endOffset = input.endOffset - (raw.length - raw.trimEnd().length);
    if (endOffset <= startOffset)
      throw new DomainError("invalid", "The span holds no text.", {
        startOffset: ["Select some words of the article."],
      });
    // An offset between the two UTF-16 halves of a character (an emoji…) would store a quote PostgreSQL turns into U+FFFD.
    if (!article.body.slice(startOffset, endOffset).isWellFormed()) {
      throw new DomainError("invalid", "The span cuts a character in half.", {
        startOffset: ["Select whole characters of the article."],
      });
    }
    const existing = await tx.claim.findFirst({ where: { articleId, startOffset, endOffset }, select: { id: true } });
    if (existing) {
      throw new DomainError("invalid", `Claim #${existing.id} already covers exactly this span.`, {
        startOffset: [`Claim #${existing.id} already covers exactly this span.`],
      });
    }
    const claim = await tx.claim.create({
      data: {
        articleId,
        startOffset,
        endOffset,
        quote: article.body.slice(startOffset, endOffset),
        statement: input.statement,
        topic: input.topic,
        attributedTo: input.attributedTo ?? null,
      },
      select: { id: true, quote: true },
    });
    await tx.claimEvent.create({
      data: {
        claimId: claim.id,
        actorId: actor.id,
        action: "created",
        before: {},
        after: { startOffset, endOffset, quote: claim.quote, statement: input.statement, topic: input.topic },
      },
    });
    return { id: claim.id };
  });
}
