import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/domains/users/roles";
import { DomainError } from "@/lib/errors";
import { Prisma, type ReviewStatus, type Verdict } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";
import { type ClaimEventAction, type ClaimEventFields, claimEventActionSchema, eventLabel } from "./events";
import { SOURCE_FIELDS, type SourceFields, type SourceRecord } from "./source-record";

/**
 * The low-level pieces every writer of a claim uses (its commands, reviews, duplicates, and the
 * sources domain, whose sources change the claim's version and history): the claim's state under its
 * lock, the version check and the conflict answer, and the one statement that writes a change with
 * its history event.
 */

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
  topic: true,
  retractedAt: true,
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

/**
 * Writers that read more than the claim (its sources, the claim it duplicates) queue on its row, so
 * what they read cannot change before they write: two edits cannot both pass the duplicate-url check.
 */
export async function lockClaim(tx: Tx, claimId: number): Promise<ClaimState> {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  return loadClaimState(tx, claimId);
}

/**
 * Several claims locked at once, for a change to all of them (bulk-mutations.ts): always in id order, so
 * two writers of overlapping sets queue on the first claim they share instead of each holding a lock
 * the other waits for. The claims that exist, in id order; a missing id is left out.
 */
export async function lockClaims(tx: Tx, claimIds: readonly number[]): Promise<ClaimState[]> {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ANY(${[...claimIds]}::int[]) ORDER BY id FOR UPDATE`;
  return tx.claim.findMany({ where: { id: { in: [...claimIds] } }, select: claimStateSelect, orderBy: { id: "asc" } });
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
  const lastAction = lastEvent && claimEventActionSchema.parse(lastEvent.action);
  const what = lastAction ? eventLabel(lastAction) : "changed the claim";
  return new DomainError(
    "conflict",
    `${who} ${what} since you loaded this claim; nothing was saved. Check the current values and save again.`,
    undefined,
    {
      current: claim,
      lastChange: lastEvent
        ? {
            actor: lastEvent.actor,
            action: lastAction,
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
  topic?: string;
  retractedAt?: Date;
  retractionReason?: string;
  retractedById?: string;
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
  topic: (value) => Prisma.sql`topic = ${value}`,
  retractedAt: (value) => Prisma.sql`"retractedAt" = ${value}`,
  retractionReason: (value) => Prisma.sql`"retractionReason" = ${value}`,
  retractedById: (value) => Prisma.sql`"retractedById" = ${value}`,
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
  action: ClaimEventAction;
  data?: ClaimChangeData;
  before: ClaimEventFields;
  after: ClaimEventFields;
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

/** A history event's `before` or `after`: always an object of the fields it names. */
const eventFieldsSchema = z.record(z.string(), z.json());

/** What `commitClaimChange`'s statement returns: the claim's new version and time, and the event as stored. */
const committedRowSchema = z.strictObject({
  version: z.number().int(),
  updatedAt: z.date(),
  eventId: z.number().int(),
  before: eventFieldsSchema,
  after: eventFieldsSchema,
  createdAt: z.date(),
});

/** What a committed change wrote: the claim's new version and time, and its history event as stored. */
export interface CommittedChange {
  version: number;
  updatedAt: Date;
  event: { id: number; action: ClaimEventAction; before: Prisma.JsonObject; after: Prisma.JsonObject; createdAt: Date };
}

/**
 * Every change to a claim goes through here: the update applies only if the version is still the
 * one the user saw (so two writers cannot both win), bumps it, and writes the history event with it.
 */
export async function commitClaimChange(client: Tx, change: ClaimChange): Promise<CommittedChange> {
  const [row] = checkedRows(
    committedRowSchema,
    await client.$queryRaw<unknown[]>`
      ${claimChangeStatement(change, Prisma.sql`version = ${change.version}`, Prisma.sql`${JSON.stringify(change.after)}::jsonb`)}
      SELECT changed.version, changed."updatedAt", event.id AS "eventId", event.before, event.after, event."createdAt"
      FROM changed, event`,
  );
  if (!row) throw await conflict(client, change.claimId);
  const { version, updatedAt, eventId, before, after, createdAt } = row;
  return { version, updatedAt, event: { id: eventId, action: change.action, before, after, createdAt } };
}

/** The fields of a source a user wrote, from a record that may hold more. */
function sourceFieldsOf(source: SourceFields): SourceFields {
  return Object.fromEntries(SOURCE_FIELDS.map((field) => [field, source[field]])) as SourceFields;
}

/** What the history keeps of a source that was added or removed. */
export function historyRecord(source: Pick<SourceRecord, "id"> & SourceFields): ClaimEventFields {
  return { id: source.id, ...sourceFieldsOf(source) };
}

/** `historyRecord` in SQL, of the source row the statement inserts. */
const ADDED_HISTORY_RECORD = Prisma.raw(
  `jsonb_build_object('id', added.id, ${SOURCE_FIELDS.map((field) => `'${field}', added."${field}"`).join(", ")})`,
);

/** What `addSourceWithChange`'s statement returns: what the database chose for the source, and the claim's new version. */
const addedRowSchema = z.strictObject({ id: z.number().int(), addedAt: z.date(), claimVersion: z.number().int() });

/**
 * A source attached to a claim, the claim's new version and a `source_added` event that records the
 * source as inserted, in one statement, only if the claim meets `condition` when its row is locked;
 * null, and nothing written, when it does not. Adding a source and copying the sources of the claim
 * a duplicate repeats both go through here.
 */
export async function addSourceWithChange(
  client: Tx,
  change: { claimId: number; actor: CurrentUser; condition: Prisma.Sql; source: SourceFields },
): Promise<{ source: SourceRecord; claimVersion: number } | null> {
  const { claimId, actor, condition, source } = change;
  const insert = Prisma.sql`
    INSERT INTO "Source" ("claimId", url, title, publisher, excerpt, stance, "archiveUrl", "addedById", "addedAt")
    SELECT changed.id, ${source.url}, ${source.title}, ${source.publisher}, ${source.excerpt},
           ${source.stance}::"SourceStance", ${source.archiveUrl}, ${actor.id}, ${WRITTEN_AT}
    FROM changed
    RETURNING id, url, title, publisher, excerpt, stance::text AS stance, "archiveUrl", "addedAt"`;
  const event = { claimId, actor, action: "source_added", before: {} } as const;
  const [added] = checkedRows(
    addedRowSchema,
    await client.$queryRaw<unknown[]>`
      ${claimChangeStatement(event, condition, ADDED_HISTORY_RECORD, insert)}
      SELECT added.id, added."addedAt", changed.version AS "claimVersion" FROM added, changed`,
  );
  if (!added) return null;
  const addedBy = { id: actor.id, name: actor.name };
  return {
    source: { id: added.id, claimId, ...sourceFieldsOf(source), addedAt: added.addedAt, addedBy },
    claimVersion: added.claimVersion,
  };
}
