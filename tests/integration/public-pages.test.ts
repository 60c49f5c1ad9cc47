import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The readers' pages' data (domains/publishing/data.ts) on a copy of the seeded database: 25 claims
// published a day apart (with a retracted one and unverified ones among them), two corrections.
let database: TestDatabase;
let data: typeof import("@/domains/publishing/data");
/** The published claims' ids, newest first (as the index lists them). */
let newestFirst: number[];
let retractedId: number;
let unverifiedId: number;
let correctedId: number;
let articleId: number;

const VERDICT_CYCLE: Verdict[] = ["true", "false", "mostly_false", "misleading", "mixed"];
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 9));

beforeAll(async () => {
  database = await cloneSeededDatabase("public-pages");
  process.env.DATABASE_URL = database.url;
  data = await import("@/domains/publishing/data");
  const prisma = database.prisma;
  const [reviewer, editor] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } }),
    prisma.user.findUniqueOrThrow({ where: { email: DEMO.editor } }),
  ]);
  const claims = await prisma.claim.findMany({ orderBy: [{ articleId: "asc" }, { startOffset: "asc" }], take: 28 });
  expect(claims).toHaveLength(28);
  articleId = claims[0]!.articleId;
  // 26 verified, a day apart in seed order; the 26th is then retracted; the 27th and 28th stay unverified.
  for (const [index, claim] of claims.slice(0, 26).entries()) {
    await prisma.claim.update({
      where: { id: claim.id },
      data: {
        status: "verified",
        verdict: VERDICT_CYCLE[index % VERDICT_CYCLE.length],
        rationale: `Rationale ${index}.`,
        proposedById: reviewer.id,
        verifiedById: editor.id,
        verifiedAt: day(index),
        events: { create: { action: "approved", actorId: editor.id, createdAt: day(index) } },
      },
    });
  }
  retractedId = claims[25]!.id;
  await prisma.claim.update({
    where: { id: retractedId },
    data: { retractedAt: day(30), retractionReason: "The source was forged.", retractedById: editor.id },
  });
  unverifiedId = claims[26]!.id;
  await prisma.claim.update({ where: { id: unverifiedId }, data: { statement: "Zanzibar unverified statement" } });
  await prisma.claim.update({ where: { id: claims[3]!.id }, data: { statement: "Zanzibar published statement" } });

  // Claim 0 was corrected: first approved on day 0, reopened on day 40, approved again on day 41.
  correctedId = claims[0]!.id;
  await prisma.claim.update({ where: { id: correctedId }, data: { verdict: "false", verifiedAt: day(41) } });
  await prisma.correction.createMany({
    data: [
      {
        claimId: correctedId,
        reason: "A newer census changes the figure.",
        previousVerdict: "true",
        reopenedById: editor.id,
        reopenedAt: day(40),
        newVerdict: "false",
        resolvedAt: day(41),
      },
      // Under way (not resolved), and of a retracted claim: neither is public.
      { claimId: claims[1]!.id, reason: "Being looked at again.", previousVerdict: "false", reopenedById: editor.id },
      {
        claimId: retractedId,
        reason: "Retracted later.",
        previousVerdict: "mixed",
        reopenedById: editor.id,
        reopenedAt: day(28),
        newVerdict: "false",
        resolvedAt: day(29),
      },
    ],
  });
  // Published: claims 0 to 24; claim 0 is the newest (approved again on day 41), then 24 down to 1.
  newestFirst = [
    claims[0]!.id,
    ...claims
      .slice(1, 25)
      .map((claim) => claim.id)
      .reverse(),
  ];
});

afterAll(async () => {
  await database.drop();
});

describe("listPublishedFactChecks (the public index)", () => {
  const query = (input: Record<string, unknown>) => data.publicIndexQuerySchema.parse(input);

  it("lists published fact-checks newest first, 20 a page, and says whether a next page exists", async () => {
    const first = await data.listPublishedFactChecks(query({}));
    expect(first.items.map((item) => item.id)).toEqual(newestFirst.slice(0, 20));
    expect(first.hasNextPage).toBe(true);
    expect(first.items[0]).toMatchObject({ id: correctedId, verdict: "false", verifiedAt: day(41), articleId });
    expect(first.items[0]!.articleTitle).toBe(
      (await database.prisma.article.findUniqueOrThrow({ where: { id: articleId } })).title,
    );

    const second = await data.listPublishedFactChecks(query({ page: "2" }));
    expect(second.items.map((item) => item.id)).toEqual(newestFirst.slice(20));
    expect(second.hasNextPage).toBe(false);

    const pastTheEnd = await data.listPublishedFactChecks(query({ page: "3" }));
    expect(pastTheEnd).toEqual({ items: [], hasNextPage: false });
  });

  it("leaves out retracted and unverified claims", async () => {
    const all = [
      ...(await data.listPublishedFactChecks(query({}))).items,
      ...(await data.listPublishedFactChecks(query({ page: "2" }))).items,
    ].map((item) => item.id);
    expect(all).toHaveLength(25);
    expect(all).not.toContain(retractedId);
    expect(all).not.toContain(unverifiedId);
  });

  it("filters by verdict and searches statements and quotes, published ones only", async () => {
    const misleading = await data.listPublishedFactChecks(query({ verdict: "misleading" }));
    expect(misleading.items.length).toBeGreaterThan(0);
    expect(misleading.items.every((item) => item.verdict === "misleading")).toBe(true);

    const searched = await data.listPublishedFactChecks(query({ q: "zanzib" }));
    expect(searched.items.map((item) => item.statement)).toEqual(["Zanzibar published statement"]);
    const both = await data.listPublishedFactChecks(query({ q: "Zanzibar", verdict: "true" }));
    expect(both.items).toEqual([]);

    const quoted = await database.prisma.claim.findUniqueOrThrow({ where: { id: newestFirst[5] } });
    const byQuote = await data.listPublishedFactChecks(query({ q: quoted.quote.slice(0, 30) }));
    expect(byQuote.items.map((item) => item.id)).toContain(quoted.id);
  });

  it("reads a link's bad parameters as absent, and an empty form field as no filter", () => {
    expect(query({ q: "", verdict: "", page: "abc" })).toEqual({ page: 1 });
    expect(query({ q: ["a", "b"], verdict: "unrated", page: "-2" })).toEqual({ page: 1 });
    expect(query({ q: "  Mali  ", verdict: "false", page: "3" })).toEqual({ q: "Mali", verdict: "false", page: 3 });
  });

  it("reads the newest page from the partial index of published claims", async () => {
    const plan = await database.prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM "Claim" c WHERE c.status = 'verified' AND c."retractedAt" IS NULL
       ORDER BY c."verifiedAt" DESC, c.id DESC LIMIT 21`,
    );
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Claim_published_newest_idx");
  });
});

describe("getPublishedArticle (an article's public page)", () => {
  it("gives the article and its published fact-checks in article order", async () => {
    const article = await data.getPublishedArticle(articleId);
    const expected = await database.prisma.claim.findMany({
      where: { articleId, status: "verified", retractedAt: null },
      orderBy: { startOffset: "asc" },
      select: { id: true },
    });
    expect(article?.claims.map((claim) => claim.id)).toEqual(expected.map((claim) => claim.id));
    expect(article?.claims.map((claim) => claim.id)).not.toContain(retractedId);
    expect(article?.claims.map((claim) => claim.id)).not.toContain(unverifiedId);
  });

  it("is null for an article with nothing published, and for one that does not exist", async () => {
    const bare = await database.prisma.article.create({
      data: {
        slug: "nothing-published",
        title: "Nothing published",
        publishedAt: day(0),
        language: "en",
        body: "A text.",
      },
    });
    expect(await data.getPublishedArticle(bare.id)).toBeNull();
    expect(await data.getPublishedArticle(999_999)).toBeNull();
  });
});

describe("getPublishedFactCheck (a fact-check's public page)", () => {
  it("says when it was first published and when it was last updated (a correction)", async () => {
    const claim = await data.getPublishedFactCheck(correctedId);
    expect(claim).toMatchObject({ firstPublishedAt: day(0), lastUpdatedAt: day(41), verdict: "false" });
    expect(claim?.corrections).toEqual([
      expect.objectContaining({ reason: "A newer census changes the figure.", previousVerdict: "true" }),
    ]);
    const stored = await database.prisma.claim.findUniqueOrThrow({
      where: { id: correctedId },
      select: { quote: true, startOffset: true, endOffset: true },
    });
    expect(claim?.article.body.slice(claim.startOffset, claim.endOffset)).toBe(stored.quote);
  });

  it("is last updated when published, when it was neither corrected nor retracted", async () => {
    const claim = await data.getPublishedFactCheck(newestFirst[1]!);
    expect(claim).toMatchObject({ firstPublishedAt: day(24), lastUpdatedAt: day(24), verifiedAt: day(24) });
  });

  it("gives a retracted one with its retraction as the last update, and nothing unverified", async () => {
    expect(await data.getPublishedFactCheck(retractedId)).toMatchObject({
      retractedAt: day(30),
      retractionReason: "The source was forged.",
      firstPublishedAt: day(25),
      lastUpdatedAt: day(30),
    });
    expect(await data.getPublishedFactCheck(unverifiedId)).toBeNull();
  });
});

describe("listPublicCorrections (the public corrections log)", () => {
  it("lists approved corrections of published fact-checks with their reason, and no one's name", async () => {
    const corrections = await data.listPublicCorrections();
    expect(corrections).toEqual([
      {
        id: expect.any(Number),
        reason: "A newer census changes the figure.",
        previousVerdict: "true",
        newVerdict: "false",
        resolvedAt: day(41),
        claim: { id: correctedId, statement: expect.any(String) },
      },
    ]);
  });
});
