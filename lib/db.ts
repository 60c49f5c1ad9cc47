import "server-only";
import { serverEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";

// One client per process; in development it survives hot reloads on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.prisma) {
    globalForPrisma.prisma = createPrismaClient(serverEnv().DATABASE_URL);
  }
  return globalForPrisma.prisma;
}
