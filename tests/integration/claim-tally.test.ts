import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await cloneSeededDatabase("tally");
});
afterAll(async () => {
  await database.drop();
});

/** The tally and the totals (kept by a trigger) against a full count of the claims: they must always agree. */
async function compare() {
  const [totals, byStatusAndVerdict] = await Promise.all([
    database.prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT concat_ws('/', status, verdict) AS key, sum(count)::int AS count FROM "ClaimTotal" GROUP BY 1 HAVING sum(count) <> 0 ORDER BY key`,
    database.prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT concat_ws('/', status, verdict) AS key, count(*)::int AS count FROM "Claim" GROUP BY 1 ORDER BY key`,
  ]);
  expect(totals).toEqual(byStatusAndVerdict);
  const shards = await database.prisma.$queryRaw<{ wrong: number }[]>`
    SELECT count(*)::int AS wrong FROM "ClaimTotal" t
    WHERE t.count <> (SELECT count(*) FROM "Claim" c WHERE c.id % 8 = t.shard AND c.status = t.status AND c.verdict = t.verdict)`;
  expect(shards).toEqual([{ wrong: 0 }]);
  const [tally, actual] = await Promise.all([
    database.prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT concat_ws('/', "articleId", status, verdict) AS key, count FROM "ClaimTally" WHERE count <> 0 ORDER BY key`,
    database.prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT concat_ws('/', "articleId", status, verdict) AS key, count(*)::int AS count FROM "Claim" GROUP BY 1 ORDER BY key`,
  ]);
  expect(tally).toEqual(actual);
  return actual;
}

describe("ClaimTally", () => {
  it("matches the claims after seeding", async () => {
    const rows = await compare();
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(await database.prisma.claim.count());
  });

  it("stays exact through many concurrent status and verdict changes, both ways", async () => {
    const claims = await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    const statuses: ReviewStatus[] = ["in_progress", "awaiting_second_review", "verified", "unreviewed"];
    const verdicts: Verdict[] = ["true", "false", "mixed", "unrated"];
    const changes = Array.from({ length: 120 }, (_, index) => ({
      id: claims[index % 12]!.id,
      status: statuses[index % 4]!,
      verdict: verdicts[(index * 7) % 4]!,
    }));
    await Promise.all(
      changes.map((change) =>
        database.prisma.$transaction([
          database.prisma.claim.update({ where: { id: change.id }, data: { status: change.status } }),
          database.prisma.claim.update({ where: { id: change.id }, data: { verdict: change.verdict } }),
        ]),
      ),
    );
    await compare();
  });

  it("counts a claim added to an article", async () => {
    const article = await database.prisma.article.findFirstOrThrow();
    await database.prisma.claim.create({
      data: {
        articleId: article.id,
        quote: "Mali",
        startOffset: 1,
        endOffset: 5,
        statement: "A test claim.",
        topic: "History",
      },
    });
    await compare();
  });
});
