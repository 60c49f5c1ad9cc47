import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { credentialAccount } from "./credentials";
import type { NewUser } from "./schema";

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
