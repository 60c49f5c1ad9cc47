import "server-only";
import {
  assertVersion,
  type ClaimState,
  commitClaimChange,
  commitClaimChangeWith,
  conflict,
  loadClaimState,
  OPEN_STATUSES,
  type Tx,
  WRITTEN_AT,
} from "@/domains/claims/mutations";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sourceSelect } from "./data";
import { mayChangeSource } from "./rules";
import type { NewSource, SourceRemoval, SourceUpdate } from "./schema";

type SourceRecord = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

const EDITABLE_FIELDS = ["url", "title", "publisher", "excerpt", "stance", "archiveUrl"] as const;
type EditableFields = Pick<SourceRecord, (typeof EDITABLE_FIELDS)[number]>;

/** What the history keeps of a source that was added or removed. */
export function historyRecord(source: SourceRecord): Record<string, unknown> {
  return { id: source.id, ...Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, source[field]])) };
}

/**
 * Writers that read more than the claim (its sources, the claim it duplicates) queue on its row, so
 * what they read cannot change before they write: two edits cannot both pass the duplicate-url check.
 */
export async function lockClaim(tx: Tx, claimId: number): Promise<ClaimState> {
  await tx.$queryRaw`SELECT id FROM "Claim" WHERE id = ${claimId} FOR UPDATE`;
  return loadClaimState(tx, claimId);
}

function assertSourcesEditable(claim: ClaimState): void {
  if (claim.status === "awaiting_second_review") {
    throw new DomainError(
      "forbidden",
      "This verdict is awaiting a second review: send it back before changing its sources.",
    );
  }
  if (claim.status === "verified") {
    throw new DomainError(
      "forbidden",
      "This claim is verified: an editor must reopen it before its sources can change.",
    );
  }
}

/** The source the actor is about to edit or remove: on this claim, and theirs to change by the rule in `mayChangeSource`. */
async function findChangeableSource(
  tx: Tx,
  actor: CurrentUser,
  claim: ClaimState,
  sourceId: number,
): Promise<SourceRecord> {
  const source = await tx.source.findFirst({ where: { id: sourceId, claimId: claim.id }, select: sourceSelect });
  if (!source) throw new DomainError("not_found", `Claim #${claim.id} has no source #${sourceId}.`);
  if (!mayChangeSource(actor, claim, source)) {
    throw new DomainError(
      "forbidden",
      `Source #${sourceId} was added by ${source.addedBy.name}: only they, the claim's assignee or an editor can change or remove it.`,
    );
  }
  return source;
}

async function duplicateUrlError(
  client: Tx,
  claimId: number,
  url: string,
  otherThan?: number,
): Promise<DomainError | null> {
  const existing = await client.source.findFirst({
    where: { claimId, url, ...(otherThan === undefined ? {} : { id: { not: otherThan } }) },
    select: { id: true, title: true },
  });
  if (!existing) return null;
  return new DomainError("invalid", "This URL is already attached to the claim.", {
    url: [`This URL is already attached as source #${existing.id} "${existing.title}".`],
  });
}

/** P2002 from Prisma's own queries; from a raw query, P2010 with the driver adapter's kind. */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const adapterError = (error.meta as { driverAdapterError?: { message?: string } } | undefined)?.driverAdapterError;
  return error.code === "P2010" && adapterError?.message === "UniqueConstraintViolation";
}

/**
 * The lock makes a duplicate url a refusal found before writing; a unique violation can still come
 * from a writer that bypasses it, and gets the same answer.
 */
async function refusingDuplicateUrl<T>(claimId: number, url: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (url === undefined || !isUniqueViolation(error)) throw error;
    throw (
      (await duplicateUrlError(db(), claimId, url)) ??
      new DomainError("invalid", "This URL is already attached to the claim.", {
        url: ["This URL is already attached to the claim."],
      })
    );
  }
}

/** Sources can be added while the claim is worked on (the rule `assertSourcesEditable` explains). */
const SOURCES_EDITABLE = Prisma.sql`status IN (${Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}::"ReviewStatus"`))})`;

/** The history's record of the source being added, built in SQL from the inserted row. */
const ADDED_HISTORY_RECORD = Prisma.raw(
  `jsonb_build_object('id', added.id, ${EDITABLE_FIELDS.map((field) => `'${field}', added."${field}"`).join(", ")})`,
);

type AddedSource = Omit<SourceRecord, "addedBy">;

/**
 * One statement, no transaction and no read first: the source, the claim's new version and the
 * history event are written together, only while the claim is open to sources (and at the version
 * the client sent, if it sent one); the unique (claim, url) index refuses a url already there.
 * When the statement writes nothing, the claim is locked and read to say why (no such claim,
 * changed since loaded, closed to sources), as it is now: if it is open again (a proposal withdrawn
 * in between), the source is added under the lock, so an add without a version is never refused
 * for a race it did not ask to lose.
 */
export async function addSource(
  actor: CurrentUser,
  claimId: number,
  input: NewSource,
): Promise<{ source: SourceRecord; claimVersion: number }> {
  const condition =
    input.version === undefined ? SOURCES_EDITABLE : Prisma.sql`${SOURCES_EDITABLE} AND version = ${input.version}`;
  const write = (client: Tx) =>
    commitClaimChangeWith<AddedSource>(client, { claimId, actor, action: "source_added", before: {} }, condition, {
      insert: Prisma.sql`
        INSERT INTO "Source" ("claimId", url, title, publisher, excerpt, stance, "archiveUrl", "addedById", "addedAt")
        SELECT changed.id, ${input.url}, ${input.title}, ${input.publisher ?? null}, ${input.excerpt ?? null},
               ${input.stance}::"SourceStance", ${input.archiveUrl ?? null}, ${actor.id}, ${WRITTEN_AT}
        FROM changed
        RETURNING id, "claimId", url, title, publisher, excerpt, stance::text AS stance, "archiveUrl", "addedAt"`,
      after: ADDED_HISTORY_RECORD,
    });
  const added = await refusingDuplicateUrl(
    claimId,
    input.url,
    async () =>
      (await write(db())) ??
      db().$transaction(async (tx) => {
        const claim = await lockClaim(tx, claimId);
        if (input.version !== undefined) await assertVersion(tx, claim, input.version);
        assertSourcesEditable(claim);
        const underLock = await write(tx);
        if (!underLock) throw await conflict(tx, claimId);
        return underLock;
      }),
  );
  const { claimVersion, ...source } = added;
  return { source: { ...source, addedBy: { id: actor.id, name: actor.name } }, claimVersion };
}

/** PATCH semantics: fields left out stay as they are; sending the current value changes nothing and records nothing. */
export async function updateSource(
  actor: CurrentUser,
  claimId: number,
  input: SourceUpdate,
): Promise<{ source: SourceRecord; claimVersion: number }> {
  const { sourceId, version, ...changes } = input;
  if (EDITABLE_FIELDS.every((field) => changes[field] === undefined)) {
    throw new DomainError("invalid", `Nothing to change: send one or more of ${EDITABLE_FIELDS.join(", ")}.`);
  }
  return refusingDuplicateUrl(claimId, changes.url, () =>
    db().$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      await assertVersion(tx, claim, version);
      assertSourcesEditable(claim);
      const current = await findChangeableSource(tx, actor, claim, sourceId);
      const changed = EDITABLE_FIELDS.filter(
        (field) => changes[field] !== undefined && changes[field] !== current[field],
      );
      if (changed.length === 0) return { source: current, claimVersion: claim.version };
      if (changes.url !== undefined && changed.includes("url")) {
        const duplicate = await duplicateUrlError(tx, claimId, changes.url, sourceId);
        if (duplicate) throw duplicate;
      }
      const before = Object.fromEntries(changed.map((field) => [field, current[field]]));
      const after = Object.fromEntries(changed.map((field) => [field, changes[field]])) as Partial<EditableFields>;
      const source = await tx.source.update({ where: { id: sourceId }, data: after, select: sourceSelect });
      const claimVersion = (
        await commitClaimChange(tx, {
          claimId,
          version,
          actor,
          action: "source_updated",
          // The id says which source changed; the other keys are only what changed.
          before: { id: sourceId, ...before },
          after: { id: sourceId, ...after },
        })
      ).version;
      return { source, claimVersion };
    }),
  );
}

export async function removeSource(
  actor: CurrentUser,
  claimId: number,
  input: SourceRemoval,
): Promise<{ id: number; claimVersion: number }> {
  return db().$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    await assertVersion(tx, claim, input.version);
    assertSourcesEditable(claim);
    const source = await findChangeableSource(tx, actor, claim, input.sourceId);
    await tx.source.delete({ where: { id: source.id } });
    const claimVersion = (
      await commitClaimChange(tx, {
        claimId,
        version: input.version,
        actor,
        action: "source_removed",
        before: historyRecord(source),
        after: {},
      })
    ).version;
    return { id: source.id, claimVersion };
  });
}
