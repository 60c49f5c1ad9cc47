import "server-only";
import { hasRole, type CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Prisma, ReviewStatus, Verdict } from "@/lib/generated/prisma/client";
import { eventLabel } from "./events";
import { STATUS_LABELS } from "./labels";
import { type ClaimPatch, MIN_RATIONALE_LENGTH, type NewClaim, type ReopenInput, type ReviewInput } from "./schema";

export type Tx = Prisma.TransactionClient;

const claimStateSelect = {
  id: true,
  status: true,
  verdict: true,
  rationale: true,
  version: true,
  assigneeId: true,
  proposedById: true,
  duplicateOfId: true,
  updatedAt: true,
  _count: { select: { sources: true } },
} satisfies Prisma.ClaimSelect;

export type ClaimState = Prisma.ClaimGetPayload<{ select: typeof claimStateSelect }>;

/** The claim as a writer must see it; a missing claim is a 404. */
export async function loadClaimState(tx: Tx, claimId: number): Promise<ClaimState> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: claimStateSelect });
  if (!claim) throw new DomainError("not_found", "No claim has this id.");
  return claim;
}

/** The 409 answer: the claim as it is now, and who changed it last, so the user can decide again. */
async function conflict(tx: Tx, claimId: number): Promise<DomainError> {
  const [claim, lastEvent] = await Promise.all([
    tx.claim.findUniqueOrThrow({
      where: { id: claimId },
      select: {
        version: true,
        status: true,
        verdict: true,
        rationale: true,
        updatedAt: true,
        assignee: { select: { id: true, name: true } },
      },
    }),
    tx.claimEvent.findFirst({
      where: { claimId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { action: true, before: true, after: true, createdAt: true, actor: { select: { id: true, name: true } } },
    }),
  ]);
  const who = lastEvent?.actor?.name ?? "Someone";
  const what = lastEvent ? eventLabel(lastEvent.action) : "changed the claim";
  return new DomainError(
    "conflict",
    `${who} ${what} since you loaded this claim; nothing was saved. Check the current values and save again.`,
    undefined,
    {
      current: claim,
      lastChange: lastEvent
        ? { actor: lastEvent.actor, action: lastEvent.action, at: lastEvent.createdAt, before: lastEvent.before, after: lastEvent.after }
        : null,
    },
  );
}

/** Refuses a write made against an older version of the claim than the one stored. */
export async function assertVersion(tx: Tx, claim: ClaimState, version: number): Promise<void> {
  if (claim.version !== version) throw await conflict(tx, claim.id);
}

function jsonSafe(values: Record<string, unknown>): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(values)) as Prisma.InputJsonObject;
}

/**
 * Every change to a claim goes through here: the update applies only if the version is still the
 * one the user saw (so two writers cannot both win), bumps it, and writes the history event in the
 * same transaction.
 */
export async function commitClaimChange(
  tx: Tx,
  args: {
    claimId: number;
    version: number;
    actor: CurrentUser;
    action: string;
    data?: Prisma.ClaimUncheckedUpdateManyInput;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  },
): Promise<number> {
  const { count } = await tx.claim.updateMany({
    where: { id: args.claimId, version: args.version },
    data: { ...args.data, version: { increment: 1 } },
  });
  if (count === 0) throw await conflict(tx, args.claimId);
  await tx.claimEvent.create({
    data: {
      claimId: args.claimId,
      actorId: args.actor.id,
      action: args.action,
      before: jsonSafe(args.before),
      after: jsonSafe(args.after),
    },
  });
  return args.version + 1;
}

function isEditor(user: CurrentUser) {
  return hasRole(user.role, "editor");
}

/** Reviewers work on claims assigned to them; editors and admins on any claim. */
export function assertCanWork(user: CurrentUser, claim: ClaimState, doing: string) {
  if (isEditor(user) || claim.assigneeId === user.id) return;
  throw new DomainError(
    "forbidden",
    claim.assigneeId ? `This claim is assigned to someone else: only they or an editor can ${doing}.` : `Take the claim before you ${doing}.`,
  );
}

async function assertAssignable(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
  if (!user || !user.active) throw new DomainError("invalid", "Choose an active user.", { assigneeId: ["No active user has this id."] });
}

async function applyAssignment(tx: Tx, actor: CurrentUser, claim: ClaimState, assigneeId: string | null) {
  if (assigneeId === claim.assigneeId) return;
  if (!isEditor(actor)) {
    const taking = assigneeId === actor.id && claim.assigneeId === null;
    const releasing = assigneeId === null && claim.assigneeId === actor.id;
    if (!taking && !releasing) {
      throw new DomainError("forbidden", "Reviewers can take an unassigned claim or release their own; editors assign claims.");
    }
  }
  if (assigneeId) await assertAssignable(tx, assigneeId);
}

function assertProposable(verdict: Verdict, rationale: string | null, sourceCount: number) {
  const fields: Record<string, string[]> = {};
  if (verdict === "unrated") fields.verdict = ["Choose a verdict before proposing it."];
  if ((rationale ?? "").trim().length < MIN_RATIONALE_LENGTH) {
    fields.rationale = [`Explain the verdict (at least ${MIN_RATIONALE_LENGTH} characters).`];
  }
  if (verdict !== "not_a_claim" && sourceCount === 0) fields.sources = ["Attach at least one source first."];
  if (Object.keys(fields).length > 0) throw new DomainError("invalid", "This verdict cannot be proposed yet.", fields);
}

const EDITABLE: ReviewStatus[] = ["unreviewed", "in_progress"];

/**
 * PATCH semantics for a claim: take or assign it, start work, edit the verdict and rationale,
 * propose the verdict for a second review, or withdraw a proposal. Approval and reopening have
 * their own functions, since they have their own rules.
 */
export async function updateClaim(actor: CurrentUser, claimId: number, patch: ClaimPatch): Promise<{ version: number }> {
  const { version, ...changes } = patch;
  if (Object.keys(changes).length === 0) {
    throw new DomainError("invalid", "Nothing to change: send status, verdict, rationale or assigneeId.");
  }
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, version);

    const data: Prisma.ClaimUncheckedUpdateManyInput = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set = <K extends "status" | "verdict" | "rationale" | "assigneeId">(key: K, value: ClaimState[K]) => {
      if (claim[key] === value) return;
      before[key] = claim[key];
      after[key] = value;
      data[key] = value as never;
    };

    if (changes.assigneeId !== undefined) {
      await applyAssignment(tx, actor, claim, changes.assigneeId);
      set("assigneeId", changes.assigneeId);
    }
    const assigneeAfter = changes.assigneeId !== undefined ? changes.assigneeId : claim.assigneeId;
    const workingAs = { ...claim, assigneeId: assigneeAfter };

    const editsVerdict = changes.verdict !== undefined || changes.rationale !== undefined;
    if (editsVerdict) {
      if (!EDITABLE.includes(claim.status)) {
        throw new DomainError(
          "forbidden",
          claim.status === "verified"
            ? "This claim is verified: an editor must reopen it before its verdict can change."
            : "This verdict is awaiting a second review: it must be sent back before it changes.",
        );
      }
      assertCanWork(actor, workingAs, "edit its verdict");
      if (changes.verdict !== undefined) set("verdict", changes.verdict);
      if (changes.rationale !== undefined) set("rationale", changes.rationale === "" ? null : changes.rationale);
    }

    let action = editsVerdict ? "edited" : "assigned";
    const targetStatus = changes.status ?? (editsVerdict && claim.status === "unreviewed" ? "in_progress" : undefined);
    if (targetStatus && targetStatus !== claim.status) {
      if (targetStatus === "verified") {
        throw new DomainError("forbidden", "A verdict is approved by a second reviewer: POST /api/claims/:id/review.");
      }
      if (targetStatus === "unreviewed") {
        throw new DomainError("invalid", "A claim cannot go back to unreviewed.", { status: ["Must be in_progress or awaiting_second_review."] });
      }
      if (targetStatus === "in_progress") {
        if (claim.status === "verified") {
          throw new DomainError("forbidden", "A verified claim is reopened by an editor, with a reason: POST /api/claims/:id/reopen.");
        }
        if (claim.status === "awaiting_second_review") {
          if (claim.proposedById !== actor.id && !isEditor(actor)) {
            throw new DomainError("forbidden", "Only the proposer or an editor can withdraw a proposed verdict; reviewers send it back.");
          }
          action = "withdrawn";
        } else {
          if (!workingAs.assigneeId && !isEditor(actor)) {
            // Starting work on an unassigned claim takes it.
            set("assigneeId", actor.id);
            workingAs.assigneeId = actor.id;
          }
          assertCanWork(actor, workingAs, "work on it");
          action = changes.status ? "started" : action;
        }
      }
      if (targetStatus === "awaiting_second_review") {
        if (claim.status !== "in_progress") {
          throw new DomainError("forbidden", `Only a claim in progress can be proposed for review; this one is ${STATUS_LABELS[claim.status].toLowerCase()}.`);
        }
        assertCanWork(actor, workingAs, "propose its verdict");
        assertProposable(
          changes.verdict ?? claim.verdict,
          changes.rationale !== undefined ? changes.rationale : claim.rationale,
          claim._count.sources,
        );
        data.proposedById = actor.id;
        data.proposedAt = new Date();
        after.proposedBy = actor.name;
        action = "proposed";
      }
      set("status", targetStatus);
    }

    if (Object.keys(after).length === 0) return { version: claim.version };
    return { version: await commitClaimChange(tx, { claimId, version, actor, action, data, before, after }) };
  });
}

/** The second review: anyone but the proposer approves (verified) or sends it back with a comment. */
export async function reviewClaim(actor: CurrentUser, claimId: number, review: ReviewInput): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, review.version);
    if (claim.status !== "awaiting_second_review") {
      throw new DomainError("forbidden", "Only a claim awaiting second review can be approved or sent back.");
    }
    if (claim.proposedById === actor.id) {
      throw new DomainError("forbidden", "You proposed this verdict: another reviewer or an editor must review it.");
    }
    if (review.decision === "send_back") {
      return {
        version: await commitClaimChange(tx, {
          claimId,
          version: review.version,
          actor,
          action: "sent_back",
          data: { status: "in_progress", proposedById: null, proposedAt: null },
          before: { status: claim.status },
          after: { status: "in_progress", comment: review.comment },
        }),
      };
    }
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
      version: await commitClaimChange(tx, {
        claimId,
        version: review.version,
        actor,
        action: openCorrection ? "correction_approved" : "approved",
        data: { status: "verified", verifiedById: actor.id, verifiedAt: now },
        before: { status: claim.status },
        after: { status: "verified", verdict: claim.verdict, ...(review.comment ? { comment: review.comment } : {}) },
      }),
    };
  });
}

/** Editors reopen a verified claim to correct it; the correction is on the record until it is verified again. */
export async function reopenClaim(actor: CurrentUser, claimId: number, input: ReopenInput): Promise<{ version: number }> {
  if (!isEditor(actor)) throw new DomainError("forbidden", "Only editors can reopen a verified claim.");
  return db().$transaction(async (tx) => {
    const claim = await loadClaimState(tx, claimId);
    await assertVersion(tx, claim, input.version);
    if (claim.status !== "verified") throw new DomainError("forbidden", "Only a verified claim can be reopened.");
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
      version: await commitClaimChange(tx, {
        claimId,
        version: input.version,
        actor,
        action: "reopened",
        data: { status: "in_progress", verifiedById: null, verifiedAt: null, proposedById: null, proposedAt: null },
        before: { status: claim.status, verdict: claim.verdict },
        after: { status: "in_progress", reason: input.reason },
      }),
    };
  });
}

/**
 * A claim on an article's span (an accepted suggestion or any selected text); editors and admins.
 * The span is narrowed to exclude surrounding whitespace, and its quote is the body's text there,
 * so quote and offsets always agree.
 */
export async function createClaim(actor: CurrentUser, articleId: number, input: NewClaim): Promise<{ id: number }> {
  if (!isEditor(actor)) throw new DomainError("forbidden", "Only editors and admins add claims to an article.");
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
    if (endOffset <= startOffset) throw new DomainError("invalid", "The span holds no text.", { startOffset: ["Select some words of the article."] });
    // An offset between the two UTF-16 halves of a character (an emoji…) would store a quote PostgreSQL turns into U+FFFD.
    if (!article.body.slice(startOffset, endOffset).isWellFormed()) {
      throw new DomainError("invalid", "The span cuts a character in half.", { startOffset: ["Select whole characters of the article."] });
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
