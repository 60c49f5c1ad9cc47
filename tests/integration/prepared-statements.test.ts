import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient, MAX_PREPARED_STATEMENTS } from "@/lib/prisma-client";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
const clients: PrismaClient[] = [];

beforeAll(async () => {
  database = await cloneSeededDatabase("prepared");
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
  await database.drop();
});

function client(preparedStatements: boolean): PrismaClient {
  const created = createPrismaClient(database.url, { preparedStatements });
  clients.push(created);
  return created;
}

/**
 * What the connection has prepared after running the same claim read twice. A transaction keeps
 * every statement on one connection, whose own prepared statements `pg_prepared_statements` lists.
 */
async function preparedAfterTwoReads(prisma: PrismaClient): Promise<{ name: string; statement: string }[]> {
  return prisma.$transaction(async (tx) => {
    for (let round = 0; round < 2; round++) {
      await tx.claim.findMany({ where: { status: "unreviewed" }, select: { id: true, quote: true }, take: 3 });
    }
    return tx.$queryRaw<{ name: string; statement: string }[]>`SELECT name, statement FROM pg_prepared_statements`;
  });
}

describe("prepared statements", () => {
  it("prepares each statement once per connection, under a name, by default", async () => {
    const prepared = await preparedAfterTwoReads(client(true));
    const reads = prepared.filter((entry) => entry.statement.includes('FROM "public"."Claim"'));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.name).toMatch(/^factcheck_\d+$/);
  });

  it("prepares nothing when turned off (for poolers that cannot keep them)", async () => {
    expect(await preparedAfterTwoReads(client(false))).toEqual([]);
  });

  it("stops naming new statements past the cap, and still runs them", async () => {
    const prisma = client(true);
    for (let index = 0; index < MAX_PREPARED_STATEMENTS; index++) {
      expect(await prisma.$queryRawUnsafe(`SELECT ${index}::int AS n`)).toEqual([{ n: index }]);
    }
    const prepared = await prisma.$transaction(async (tx) => {
      expect(await tx.$queryRawUnsafe(`SELECT 0::int AS n`)).toEqual([{ n: 0 }]);
      expect(await tx.$queryRawUnsafe(`SELECT 'past the cap'::text AS n`)).toEqual([{ n: "past the cap" }]);
      return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
    });
    const statements = prepared.map((entry) => entry.statement);
    expect(statements).toContain("SELECT 0::int AS n");
    expect(statements).not.toContain("SELECT 'past the cap'::text AS n");
  });
});
