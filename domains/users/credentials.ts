import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";

/** Better Auth's providerId of an email-and-password credential. */
const CREDENTIAL_PROVIDER = "credential";

/**
 * The Account row Better Auth signs a user in with: the hash comes from Better Auth's own
 * `hashPassword` (better-auth/crypto), the one its sign-in verifies against.
 */
export function credentialAccount(userId: string, passwordHash: string): Prisma.AccountUncheckedCreateInput {
  return { id: randomUUID(), accountId: userId, providerId: CREDENTIAL_PROVIDER, userId, password: passwordHash };
}

const lockedUserSchema = z.strictObject({ id: z.string() });

/**
 * Replaces the user's credential with this hash, or gives them one (a user restored from a backup
 * made without passwords has none), and ends all their sessions: whoever signed in with the old
 * password is signed out. Runs in the caller's transaction; the user's row is locked so that two
 * resets at once cannot both find no credential and create two. Null when there is no such user.
 * Shared by the admin page and `npm run user:set-password`, so it is not server-only.
 */
export async function replaceCredential(
  tx: Prisma.TransactionClient,
  userId: string,
  passwordHash: string,
): Promise<{ endedSessions: number } | null> {
  const locked = checkedRows(
    lockedUserSchema,
    await tx.$queryRaw<unknown[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`,
  );
  if (locked.length === 0) return null;
  const replaced = await tx.account.updateMany({
    where: { userId, providerId: CREDENTIAL_PROVIDER },
    data: { password: passwordHash },
  });
  if (replaced.count === 0) await tx.account.create({ data: credentialAccount(userId, passwordHash) });
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return { endedSessions: count };
}
