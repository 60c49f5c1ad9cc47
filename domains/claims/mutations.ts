import "server-only";
import { hasRole, type CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Prisma, type ReviewStatus, type Verdict } from "@/lib/generated/prisma/client";
import { type ClaimRecord, getClaimRecord } from "./data";
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

/** A claim is worked on (its verdict, sources and duplicate mark change) until it is proposed for review. */
export const OPEN_STATUSES: ReviewStatus[] = ["unreviewed", "in_progress"];

/** The claim as a writer must see it; a missing claim is a 404. */
export async function loadClaimState(tx: Tx, claimId: number): Promise<ClaimState> {
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: claimStateSelect });
  if (!claim) throw new DomainError("not_found", "No claim has this id.");
  return claim;
}

/** The 409 answer: the claim as it is now, and who changed it last, so the user can decide again. */
export async function conflict(tx: Tx, claimId: number): Promise<DomainError> {
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
        ? {
            actor: lastEvent.actor,
            action: lastEvent.action,
            at: lastEvent.createdAt,
            before: lastEvent.before,
            after: lastEvent.after,
          }
        : null,
    },
  );
}

/** Refuses a write made against an older version of the claim than the one stored. */
export async function assertVersion(tx: Tx, claim: ClaimState, version: number): Promise<void> {
  if (claim.version !== version) throw await conflict(tx, claim.id);
}

/** The columns a change to a claim may set. */
export interface ClaimChangeData {
  status?: ReviewStatus;
  verdict?: Verdict;
  rationale?: string | null;
  assigneeId?: string | null;
  proposedById?: string | null;
  proposedAt?: Date | null;
  verifiedById?: string | null;
  verifiedAt?: Date | null;
  duplicateOfId?: number | null;
}

/** Each column's assignment, enums cast to their PostgreSQL type. */
const SET_COLUMN: { [K in keyof ClaimChangeData]-?: (value: ClaimChangeData[K]) => Prisma.Sql } = {
  status: (value) => Prisma.sql`status = ${value}::"ReviewStatus"`,
  verdict: (value) => Prisma.sql`verdict = ${value}::"Verdict"`,
  rationale: (value) => Prisma.sql`rationale = ${value}`,
  assigneeId: (value) => Prisma.sql`"assigneeId" = ${value}`,
  proposedById: (value) => Prisma.sql`"proposedById" = ${value}`,
  proposedAt: (value) => Prisma.sql`"proposedAt" = ${value}`,
  verifiedById: (value) => Prisma.sql`"verifiedById" = ${value}`,
  verifiedAt: (value) => Prisma.sql`"verifiedAt" = ${value}`,
  duplicateOfId: (value) => Prisma.sql`"duplicateOfId" = ${value}`,
};

/**
 * The time a row is written, in UTC as Prisma keeps timestamps: the clock when PostgreSQL writes it,
 * after any wait for the claim's row lock, not when the statement was sent. Two writers of one claim
 * then get times in the order their changes apply, which is the order the history shows.
 */
export const WRITTEN_AT = Prisma.sql`(clock_timestamp() AT TIME ZONE 'UTC')`;

function setClause(data: ClaimChangeData): Prisma.Sql {
  const sets = (Object.keys(data) as (keyof ClaimChangeData)[])
    .filter((key) => data[key] !== undefined)
    .map((key) => (SET_COLUMN[key] as (value: unknown) => Prisma.Sql)(data[key]));
  return Prisma.join([...sets, Prisma.sql`version = version + 1`, Prisma.sql`"updatedAt" = ${WRITTEN_AT}`], ", ");
}

export interface ClaimChange {
  claimId: number;
  version: number;
  actor: CurrentUser;
  action: string;
  data?: ClaimChangeData;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** A row inserted with a claim change (a source): its INSERT reads `changed`, and the event's `after` is built from it. */
export interface InsertedWithChange {
  insert: Prisma.Sql;
  after: Prisma.Sql;
}

/**
 * The claim's update and its history event as one SQL statement: PostgreSQL applies a statement
 * whole or not at all, so outside a transaction it needs no BEGIN and COMMIT (two round trips
 * fewer on every write), and inside one it is a round trip fewer. Nothing is written unless the
 * claim meets `condition` when its row is locked.
 */
function claimChangeStatement(
  change: Omit<ClaimChange, "version" | "after">,
  condition: Prisma.Sql,
  after: Prisma.Sql,
  insert?: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
    WITH changed AS (
      UPDATE "Claim" SET ${setClause(change.data ?? {})}
      WHERE id = ${change.claimId} AND ${condition}
      RETURNING id, version, "updatedAt"
    )${insert ? Prisma.sql`, added AS (${insert})` : Prisma.empty}, event AS (
      INSERT INTO "ClaimEvent" ("claimId", "actorId", action, before, after, "createdAt")
      SELECT changed.id, ${change.actor.id}, ${change.action}, ${JSON.stringify(change.before)}::jsonb, ${after}, ${WRITTEN_AT}
      FROM changed${insert ? Prisma.sql`, added` : Prisma.empty}
      RETURNING id, before, after, "createdAt"
    )`;
}

/** What a committed change wrote: the claim's new version and time, and its history event as stored. */
export interface CommittedChange {
  version: number;
  updatedAt: Date;
  event: { id: number; action: string; before: Prisma.JsonValue; after: Prisma.JsonValue; createdAt: Date };
}

/**
 * Every change to a claim goes through here: the update applies only if the version is still the
 * one the user saw (so two writers cannot both win), bumps it, and writes the history event with it.
 */
export async function commitClaimChange(client: Tx, change: ClaimChange): Promise<CommittedChange> {
  const rows = await client.$queryRaw<
    (Omit<CommittedChange, "event"> & {
      eventId: number;
      before: Prisma.JsonValue;
      after: Prisma.JsonValue;
      createdAt: Date;
    })[]
  >`
    ${claimChangeStatement(change, Prisma.sql`version = ${change.version}`, Prisma.sql`${JSON.stringify(change.after)}::jsonb`)}
    SELECT changed.version, changed."updatedAt", event.id AS "eventId", event.before, event.after, event."createdAt"
    FROM changed, event`;
  const row = rows[0];
  if (!row) throw await conflict(client, change.claimId);
  const { version, updatedAt, eventId, before, after, createdAt } = row;
  return { version, updatedAt, event: { id: eventId, action: change.action, before, after, createdAt } };
}

/**
 * A claim change that inserts a row in the same statement and returns it with the claim's new
 * version; null, and nothing written, when the claim did not meet `condition`.
 */
export async function commitClaimChangeWith<Row>(
  client: Tx,
  change: Omit<ClaimChange, "version" | "after">,
  condition: Prisma.Sql,
  inserted: InsertedWithChange,
): Promise<(Row & { claimVersion: number }) | null> {
  const rows = await client.$queryRaw<(Row & { claimVersion: number })[]>`
    ${claimChangeStatement(change, condition, inserted.after, inserted.insert)}
    SELECT added.*, changed.version AS "claimVersion" FROM added, changed`;
  return rows[0] ?? null;
}

function isEditor(user: CurrentUser) {
  return hasRole(user.role, "editor");
}

/** Reviewers work on claims assigned to them; editors and admins on any claim. */
export function assertCanWork(user: CurrentUser, claim: ClaimState, doing: string) {
  if (isEditor(user) || claim.assigneeId === user.id) return;
  throw new DomainError(
    "forbidden",
    claim.assigneeId
      ? `This claim is assigned to someone else: only they or an editor can ${doing}.`
      : `Take the claim before you ${doing}.`,
  );
}

interface Person {
  id: string;
  name: string;
}

async function assertAssignable(tx: Tx, userId: string): Promise<Person> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, active: true } });
  if (!user || !user.active)
    throw new DomainError("invalid", "Choose an active user.", { assigneeId: ["No active user has this id."] });
  return { id: user.id, name: user.name };
}

/** Checks the actor may make this assignment; the new assignee, if any. */
async function applyAssignment(
  tx: Tx,
  actor: CurrentUser,
  claim: ClaimState,
  assigneeId: string | null,
): Promise<Person | null> {
  if (assigneeId === claim.assigneeId) return null;
  if (!isEditor(actor)) {
    const taking = assigneeId === actor.id && claim.assigneeId === null;
    const releasing = assigneeId === null && claim.assigneeId === actor.id;
    if (!taking && !releasing) {
      throw new DomainError(
        "forbidden",
        "Reviewers can take an unassigned claim or release their own; editors assign claims.",
      );
    }
  }
  if (!assigneeId) return null;
  return assigneeId === actor.id ? { id: actor.id, name: actor.name } : assertAssignable(tx, assigneeId);
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

/**
 * PATCH semantics for a claim: take or assign it, start work, edit the verdict and rationale,
 * propose the verdict for a second review, or withdraw a proposal. Approval and reopening have
 * their own functions, since they have their own rules.
 */
export async function updateClaim(actor: CurrentUser, claimId: number, patch: ClaimPatch): Promise<ClaimRecord> {
  const { version, ...changes } = patch;
  if (Object.keys(changes).length === 0) {
    throw new DomainError("invalid", "Nothing to change: send status, verdict, rationale or assigneeId.");
  }
  // No transaction: the rules below are checked against the claim as read, and the one-statement
  // write applies only if its version is still the one read, so a change in between is a conflict.
  // The claim is read whole, so the answer is built from it and what was written (no second read).
  const client = db();
  const record = await getClaimRecord(claimId, client);
  if (!record) throw new DomainError("not_found", "No claim has this id.");
  const claim = stateOf(record);
  await assertVersion(client, claim, version);
  let assignee = record.assignee;

  const data: ClaimChangeData = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const set = <K extends "status" | "verdict" | "rationale" | "assigneeId">(key: K, value: ClaimState[K]) => {
    if (claim[key] === value) return;
    before[key] = claim[key];
    after[key] = value;
    data[key] = value as never;
  };

  if (changes.assigneeId !== undefined) {
    assignee = await applyAssignment(client, actor, claim, changes.assigneeId);
    set("assigneeId", changes.assigneeId);
  }
  const assigneeAfter = changes.assigneeId !== undefined ? changes.assigneeId : claim.assigneeId;
  const workingAs = { ...claim, assigneeId: assigneeAfter };

  const editsVerdict = changes.verdict !== undefined || changes.rationale !== undefined;
  if (editsVerdict) {
    if (!OPEN_STATUSES.includes(claim.status)) {
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
      throw new DomainError("invalid", "A claim cannot go back to unreviewed.", {
        status: ["Must be in_progress or awaiting_second_review."],
      });
    }
    if (targetStatus === "in_progress") {
      if (claim.status === "verified") {
        throw new DomainError(
          "forbidden",
          "A verified claim is reopened by an editor, with a reason: POST /api/claims/:id/reopen.",
        );
      }
      if (claim.status === "awaiting_second_review") {
        if (claim.proposedById !== actor.id && !isEditor(actor)) {
          throw new DomainError(
            "forbidden",
            "Only the proposer or an editor can withdraw a proposed verdict; reviewers send it back.",
          );
        }
        action = "withdrawn";
      } else {
        if (!workingAs.assigneeId && !isEditor(actor)) {
          // Starting work on an unassigned claim takes it.
          set("assigneeId", actor.id);
          workingAs.assigneeId = actor.id;
          assignee = { id: actor.id, name: actor.name };
        }
        assertCanWork(actor, workingAs, "work on it");
        action = changes.status ? "started" : action;
      }
    }
    if (targetStatus === "awaiting_second_review") {
      if (claim.status !== "in_progress") {
        throw new DomainError(
          "forbidden",
          `Only a claim in progress can be proposed for review; this one is ${STATUS_LABELS[claim.status].toLowerCase()}.`,
        );
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

  if (Object.keys(after).length === 0) return record;
  const written = await commitClaimChange(client, { claimId, version, actor, action, data, before, after });
  const by = { id: actor.id, name: actor.name };
  return {
    ...record,
    status: data.status ?? record.status,
    verdict: data.verdict ?? record.verdict,
    rationale: data.rationale !== undefined ? data.rationale : record.rationale,
    assignee: data.assigneeId !== undefined ? assignee : record.assignee,
    proposedBy: data.proposedById ? by : record.proposedBy,
    proposedAt: data.proposedAt ?? record.proposedAt,
    version: written.version,
    updatedAt: written.updatedAt,
    events: [...record.events, { ...written.event, actor: by }],
  };
}

/** The fields a writer decides on, from the claim as the API shows it. */
function stateOf(record: ClaimRecord): ClaimState {
  return {
    id: record.id,
    status: record.status,
    verdict: record.verdict,
    rationale: record.rationale,
    version: record.version,
    assigneeId: record.assignee?.id ?? null,
    proposedById: record.proposedBy?.id ?? null,
    duplicateOfId: record.duplicateOf?.id ?? null,
    updatedAt: record.updatedAt,
    _count: { sources: record.sources.length },
  };
}

/**
 * Whether the actor wrote any of the verdict or rationale under review: an event of theirs that set
 * either (an edit, a start or proposal that edited, a verdict taken from a duplicate) since the claim
 * was created or last reopened. Approvals repeat the verdict in their event but do not write it.
 */
async function wroteVerdictUnderReview(tx: Tx, claimId: number, actorId: string): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ wrote: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ClaimEvent" e
      WHERE e."claimId" = ${claimId} AND e."actorId" = ${actorId}
        AND e.action NOT IN ('approved', 'correction_approved')
        AND e.after ?| array['verdict', 'rationale']
        AND e.id > COALESCE((SELECT max(r.id) FROM "ClaimEvent" r WHERE r."claimId" = ${claimId} AND r.action = 'reopened'), 0)
    ) AS wrote`;
  return row?.wrote === true;
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
    if (claim.status !== "awaiting_second_review") {
      throw new DomainError("forbidden", "Only a claim awaiting second review can be approved or sent back.");
    }
    if (claim.proposedById === actor.id) {
      throw new DomainError("forbidden", "You proposed this verdict: another reviewer or an editor must review it.");
    }
    if (review.decision === "approve" && (await wroteVerdictUnderReview(tx, claimId, actor.id))) {
      throw new DomainError(
        "forbidden",
        "You wrote part of this verdict or its rationale: someone who did not must approve it. You can still send it back.",
      );
    }
    if (review.decision === "send_back") {
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
