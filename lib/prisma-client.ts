import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One factory for the app and the scripts. The pool fails fast when the database is
 * unreachable instead of queueing requests for ever.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}
