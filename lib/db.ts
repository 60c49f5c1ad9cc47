import "server-only";
import { serverEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

// One client per process; in development it survives hot reloads on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const env = serverEnv();
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, {
      preparedStatements: env.DATABASE_PREPARED_STATEMENTS === "on",
    });
  }
  return globalForPrisma.prisma;
}

/** One trivial statement: whether the database answers (the health check's question). */
export async function pingDatabase(): Promise<void> {
  await db().$queryRaw`SELECT 1`;
}
