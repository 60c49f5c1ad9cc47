import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * One factory for the app and the scripts. The pool fails fast when the database is
 * unreachable instead of queueing requests for ever.
 *
 * With LOG_QUERIES=1 every SQL statement is printed as one line starting with `prisma:query`:
 * `npm run bench` counts them to report the number of queries each request issues.
 */
export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  if (process.env.LOG_QUERIES !== "1") return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    console.log(`prisma:query ${Number(event.duration).toFixed(1)}ms ${event.query.replace(/\s+/g, " ").slice(0, 300)}`);
  });
  return client as unknown as PrismaClient;
}
