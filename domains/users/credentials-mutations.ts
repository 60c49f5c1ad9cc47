import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";
import type { NewUser } from "./schema";

/**
 * A user's password credential, in Better Auth's layout. These writes are shared by the admin page and the
 * `user:create` / `user:set-password` scripts and the seed, so they take their Prisma client as an argument
 * and are not server-only.
 */

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

/**
 * Creates a user with an email-and-password credential in Better Auth's layout (an Account with
 * providerId "credential" holding the hash). Shared by the admin page, `npm run user:create` and
 * the seed, so it takes its Prisma client as an argument and is not server-only.
 */
export async function createUserWithPassword(prisma: PrismaClient, user: NewUser): Promise<{ id: string }> {
  const passwordHash = await hashPassword(user.password);
  const id = randomUUID();
  try {
    await prisma.$transaction([
      prisma.user.create({ data: { id, name: user.name, email: user.email, role: user.role, emailVerified: true } }),
      prisma.account.create({ data: credentialAccount(id, passwordHash) }),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("invalid", "A user with this email already exists.", {
        email: ["This email is already in use."],
      });
    }
    throw error;
  }
  return { id };
}
