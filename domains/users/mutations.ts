import "server-only";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { createUserWithPassword, replaceCredential } from "./credentials-mutations";
import type { CurrentUser } from "@/domains/users/roles";
import { type NewUser, passwordSchema, roleSchema } from "@/domains/users/schema";
import { mayChangeRole, mayCreateUser, maySetActive, maySetPassword, type UserManager } from "./rules";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { type Decision, refuseUnless } from "@/lib/permission";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkedRows } from "@/lib/raw-rows";
import { fieldErrorsOf } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

/** A user's row as `lockActorAndTarget` reads it: what the rules ask of the acting admin now. */
const lockedUserSchema = z.strictObject({ id: z.string(), role: roleSchema, active: z.boolean() });

/**
 * Locks the acting admin's row and the target's (in id order, so two admins acting on each other
 * wait instead of deadlocking) and asks the rule again of the actor as stored now: still an active
 * admin. Without it, two admins demoting or deactivating each other at the same moment could leave
 * the desk with no admin. An actor whose row is gone is judged as deactivated.
 */
async function lockActorAndTarget(
  tx: Tx,
  actor: CurrentUser,
  userId: string,
  mayStill: (actorNow: UserManager) => Decision,
): Promise<void> {
  const rows = checkedRows(
    lockedUserSchema,
    await tx.$queryRaw<unknown[]>`
    SELECT id, role, active FROM "User" WHERE id IN (${actor.id}, ${userId}) ORDER BY id FOR UPDATE`,
  );
  const actorNow = rows.find((row) => row.id === actor.id);
  refuseUnless(mayStill(actorNow ?? { ...actor, active: false }));
  if (!rows.some((row) => row.id === userId)) throw new DomainError("not_found", "No user has this id.");
}

export async function createUser(actor: CurrentUser, input: NewUser): Promise<{ id: string }> {
  refuseUnless(mayCreateUser(actor));
  return createUserWithPassword(db(), input);
}

export async function changeRole(
  actor: CurrentUser,
  userId: string,
  role: Role,
): Promise<{ name: string; role: Role }> {
  refuseUnless(mayChangeRole(actor, { id: userId }, role));
  return db().$transaction(async (tx) => {
    await lockActorAndTarget(tx, actor, userId, (actorNow) => mayChangeRole(actorNow, { id: userId }, role));
    return tx.user.update({ where: { id: userId }, data: { role }, select: { name: true, role: true } });
  });
}

/** Deactivating also ends every session of the user, in the same transaction, so it takes effect at once. */
export async function setActive(
  actor: CurrentUser,
  userId: string,
  active: boolean,
): Promise<{ name: string; active: boolean }> {
  refuseUnless(maySetActive(actor, { id: userId }, active));
  return db().$transaction(async (tx) => {
    await lockActorAndTarget(tx, actor, userId, (actorNow) => maySetActive(actorNow, { id: userId }, active));
    const user = await tx.user.update({
      where: { id: userId },
      data: { active },
      select: { name: true, email: true, active: true },
    });
    if (active) {
      // Attempts made while deactivated count as failed sign-ins; they must not lock the user out now.
      await tx.signInFailure.deleteMany({ where: { email: user.email } });
    } else {
      await tx.session.deleteMany({ where: { userId } });
    }
    return { name: user.name, active: user.active };
  });
}

/**
 * Gives a user a new password (their first, for one restored from a backup made without passwords)
 * and ends all their sessions, in one transaction. An admin may set their own: then every session
 * of theirs ends too, this one included, and they sign in again with the new password.
 */
export async function setPassword(actor: CurrentUser, userId: string, password: string): Promise<{ name: string }> {
  refuseUnless(maySetPassword(actor));
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    throw new DomainError("invalid", "Some fields need attention.", {
      password: Object.values(fieldErrorsOf(checked.error)).flat(),
    });
  }
  // Hashed before the transaction: scrypt takes a while, and the rows stay locked only for the writes.
  const passwordHash = await hashPassword(checked.data);
  return db().$transaction(async (tx) => {
    await lockActorAndTarget(tx, actor, userId, maySetPassword);
    await replaceCredential(tx, userId, passwordHash);
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  });
}
