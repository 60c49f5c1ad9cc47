import "server-only";
import {
  addSourceWithChange,
  assertVersion,
  type ClaimState,
  commitClaimChange,
  conflict,
  historyRecord,
  lockClaim,
  type Tx,
} from "@/domains/claims/change";
import { OPEN_STATUSES } from "@/domains/claims/rules";
import { SOURCE_FIELDS, type SourceFields, type SourceRecord, sourceSelect } from "@/domains/claims/source-record";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { refuseUnless } from "@/lib/permission";
import { mayAddSource, mayEditSource, mayRemoveSource } from "./rules";
import type { NewSource, SourceRemoval, SourceUpdate } from "./schema";

/**
 * The source to edit or remove, on this claim (a 404 otherwise), once the claim is known to be open
 * to changes of its sources: a closed claim is refused whatever source id was sent.
 */
async function findSource(tx: Tx, actor: CurrentUser, claim: ClaimState, sourceId: number): Promise<SourceRecord> {
  refuseUnless(mayAddSource(actor, claim));
  const source = await tx.source.findFirst({ where: { id: sourceId, claimId: claim.id }, select: sourceSelect });
  if (!source) throw new DomainError("not_found", `Claim #${claim.id} has no source #${sourceId}.`);
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

/** Sources can be added while the claim is worked on (the rule `mayAddSource` explains). */
const SOURCES_EDITABLE = Prisma.sql`status IN (${Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}::"ReviewStatus"`))})`;

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
  const source: SourceFields = {
    url: input.url,
    title: input.title,
    publisher: input.publisher ?? null,
    excerpt: input.excerpt ?? null,
    stance: input.stance,
    archiveUrl: input.archiveUrl ?? null,
  };
  const write = (client: Tx) => addSourceWithChange(client, { claimId, actor, condition, source });
  return refusingDuplicateUrl(
    claimId,
    input.url,
    async () =>
      (await write(db())) ??
      db().$transaction(async (tx) => {
        const claim = await lockClaim(tx, claimId);
        if (input.version !== undefined) await assertVersion(tx, claim, input.version);
        refuseUnless(mayAddSource(actor, claim));
        const underLock = await write(tx);
        if (!underLock) throw await conflict(tx, claimId);
        return underLock;
      }),
  );
}

/** PATCH semantics: fields left out stay as they are; sending the current value changes nothing and records nothing. */
export async function updateSource(
  actor: CurrentUser,
  claimId: number,
  input: SourceUpdate,
): Promise<{ source: SourceRecord; claimVersion: number }> {
  const { sourceId, version, ...changes } = input;
  if (SOURCE_FIELDS.every((field) => changes[field] === undefined)) {
    throw new DomainError("invalid", `Nothing to change: send one or more of ${SOURCE_FIELDS.join(", ")}.`);
  }
  return refusingDuplicateUrl(claimId, changes.url, () =>
    db().$transaction(async (tx) => {
      const claim = await lockClaim(tx, claimId);
      await assertVersion(tx, claim, version);
      const current = await findSource(tx, actor, claim, sourceId);
      refuseUnless(mayEditSource(actor, claim, current));
      const changed = SOURCE_FIELDS.filter(
        (field) => changes[field] !== undefined && changes[field] !== current[field],
      );
      if (changed.length === 0) return { source: current, claimVersion: claim.version };
      if (changes.url !== undefined && changed.includes("url")) {
        const duplicate = await duplicateUrlError(tx, claimId, changes.url, sourceId);
        if (duplicate) throw duplicate;
      }
      const before = Object.fromEntries(changed.map((field) => [field, current[field]]));
      const after = Object.fromEntries(changed.map((field) => [field, changes[field]])) as Partial<SourceFields>;
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
    const source = await findSource(tx, actor, claim, input.sourceId);
    refuseUnless(mayRemoveSource(actor, claim, source));
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
