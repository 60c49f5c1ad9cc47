import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedClaims } from "@/prisma/seed/claims";
import { seedDatabase } from "@/prisma/seed/seed";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await cloneSeededDatabase("seed");
});
afterAll(async () => {
  await database.drop();
});

async function snapshot() {
  const [articles, claims, sources, events] = await Promise.all([
    database.prisma.article.findMany({ orderBy: { id: "asc" } }),
    database.prisma.claim.findMany({ orderBy: { id: "asc" } }),
    database.prisma.source.count(),
    database.prisma.claimEvent.count(),
  ]);
  return { articles, claims, sources, events };
}

describe("seeded database", () => {
  it("stores every seed claim anchored to its exact span of the stored body", async () => {
    const article = await database.prisma.article.findUniqueOrThrow({
      where: { slug: "imperative-of-peace-in-mali" },
      select: { body: true, publisher: true, issue: true, publishedAt: true, url: true, claims: true },
    });
    expect(article).toMatchObject({
      publisher: "International Viewpoint",
      issue: "IV592",
      url: "https://internationalviewpoint.org/spip.php?article8542",
    });
    expect(article.publishedAt.toISOString().slice(0, 10)).toBe("2024-05-31");
    expect(article.claims).toHaveLength(seedClaims.length);
    for (const claim of article.claims) {
      expect(article.body.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
    }
    const spans = article.claims.map((claim) => `${claim.startOffset}:${claim.endOffset}`);
    expect(new Set(spans).size).toBe(spans.length);
  });

  it("starts every claim unreviewed and unrated, with no invented sources or history", async () => {
    const { claims, sources, events } = await snapshot();
    expect(claims.every((claim) => claim.status === "unreviewed" && claim.verdict === "unrated")).toBe(true);
    expect(claims.every((claim) => claim.rationale === null && claim.version === 1)).toBe(true);
    expect(sources).toBe(0);
    expect(events).toBe(0);
  });

  it("changes nothing when run again, even after a claim was reviewed", async () => {
    const reviewed = await database.prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" } });
    await database.prisma.claim.update({
      where: { id: reviewed.id },
      data: { status: "in_progress", statement: "Edited by a reviewer.", version: { increment: 1 } },
    });
    const before = await snapshot();

    const result = await seedDatabase(database.prisma);

    expect(result).toEqual({ articleCreated: false, claimsCreated: 0, claimsInSeed: seedClaims.length });
    expect(await snapshot()).toEqual(before);
  });
});
