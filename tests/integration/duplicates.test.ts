import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let reviewer1: string;
let reviewer2: string;
let reviewer1Id: string;
let routes: {
  similar: typeof import("@/app/api/claims/[id]/similar/route").GET;
  mark: typeof import("@/app/api/claims/[id]/duplicate/route").PUT;
  start: typeof import("@/app/api/claims/[id]/duplicate/start/route").POST;
};
/** A seeded claim, verified here with a rationale and two sources: the earlier fact-check. */
let original: { id: number; statement: string };
/** A claim of a second article that says the same thing in other words. */
let repeat: number;
/** A seeded claim left unverified, also similar to the repeat. */
let unverified: number;

const NEAR_DUPLICATE = (statement: string) => statement.replace(/\.$/, "").replace(/^The /, "") + ", the report says.";

beforeAll(async () => {
  database = await cloneSeededDatabase("duplicates");
  process.env.DATABASE_URL = database.url;
  routes = {
    similar: (await import("@/app/api/claims/[id]/similar/route")).GET,
    mark: (await import("@/app/api/claims/[id]/duplicate/route")).PUT,
    start: (await import("@/app/api/claims/[id]/duplicate/start/route")).POST,
  };
  reviewer1 = await signInCookie(DEMO.reviewer1);
  reviewer2 = await signInCookie(DEMO.reviewer2);
  const prisma = database.prisma;
  reviewer1Id = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } })).id;
  const editorId = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO.editor } })).id;
  const seeded = await prisma.claim.findMany({
    select: { id: true, statement: true, articleId: true },
    orderBy: { id: "asc" },
  });
  const first = seeded.find((claim) => claim.statement.length > 50)!;
  original = first;
  await prisma.claim.update({
    where: { id: first.id },
    data: {
      status: "verified",
      verdict: "mostly_true",
      rationale: "Two UN reports give the same figure for the same period.",
      verifiedById: editorId,
      verifiedAt: new Date(),
      sources: {
        create: [
          { url: "https://example.org/report-1", title: "Report one", stance: "supports", addedById: editorId },
          { url: "https://example.org/report-2", title: "Report two", stance: "context", addedById: editorId },
        ],
      },
    },
  });
  const statement = NEAR_DUPLICATE(first.statement);
  const article = await prisma.article.create({
    data: {
      slug: "a-later-article",
      title: "A later article",
      publishedAt: new Date("2025-01-10"),
      language: "en",
      body: statement,
    },
  });
  repeat = (
    await prisma.claim.create({
      data: {
        articleId: article.id,
        quote: statement,
        startOffset: 0,
        endOffset: statement.length,
        statement,
        topic: "Test",
      },
    })
  ).id;
  const other = await prisma.claim.create({
    data: {
      articleId: first.articleId,
      quote: "x",
      startOffset: 0,
      endOffset: 1,
      statement: `${first.statement} Again.`,
      topic: "Test",
    },
  });
  unverified = other.id;
});
afterAll(async () => {
  await database.drop();
});

async function version(claimId: number): Promise<number> {
  return (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

async function mark(cookie: string, duplicateOfId: number | null, at?: number) {
  const json = { version: at ?? (await version(repeat)), duplicateOfId };
  return responseJson(
    await routes.mark(
      apiRequest(`/api/claims/${repeat}/duplicate`, { method: "PUT", cookie, json }),
      routeParams({ id: String(repeat) }),
    ),
  );
}

async function start(cookie: string, take: string[], at?: number) {
  const json = { version: at ?? (await version(repeat)), take };
  return responseJson(
    await routes.start(
      apiRequest(`/api/claims/${repeat}/duplicate/start`, { method: "POST", cookie, json }),
      routeParams({ id: String(repeat) }),
    ),
  );
}

describe("similar claims", () => {
  it("finds the earlier fact-check, with its verdict, for a statement in other words, and only verified claims", async () => {
    const response = await routes.similar(
      apiRequest(`/api/claims/${repeat}/similar`, { cookie: reviewer1 }),
      routeParams({ id: String(repeat) }),
    );
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: { id: number; verdict: string; status: string; similarity: number }[];
    };
    expect(items.map((item) => item.id)).toContain(original.id);
    const found = items.find((item) => item.id === original.id)!;
    expect(found).toMatchObject({ status: "verified", verdict: "mostly_true" });
    expect(found.similarity).toBeGreaterThanOrEqual(0.3);
    expect(items.map((item) => item.id)).not.toContain(repeat);
    expect(items.map((item) => item.id)).not.toContain(unverified);
    expect(items.every((item) => item.status === "verified")).toBe(true);
    for (let index = 1; index < items.length; index++)
      expect(items[index - 1]!.similarity).toBeGreaterThanOrEqual(items[index]!.similarity);
  });

  it("answers 404 for an unknown claim and 401 without a session", async () => {
    expect(
      (
        await routes.similar(
          apiRequest("/api/claims/999999/similar", { cookie: reviewer1 }),
          routeParams({ id: "999999" }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await routes.similar(apiRequest(`/api/claims/${repeat}/similar`), routeParams({ id: String(repeat) }))).status,
    ).toBe(401);
  });
});

describe("marking a duplicate and starting from the earlier fact-check", () => {
  it("refuses a reviewer who has not taken the claim, and an unverified original", async () => {
    expect((await mark(reviewer1, original.id)).status).toBe(403);
    await database.prisma.claim.update({ where: { id: repeat }, data: { assigneeId: reviewer1Id } });
    const refused = await mark(reviewer1, unverified);
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toHaveProperty("duplicateOfId");
    expect((await mark(reviewer1, repeat)).status).toBe(400);
    expect(
      await database.prisma.claim.findUniqueOrThrow({ where: { id: repeat }, select: { duplicateOfId: true } }),
    ).toEqual({ duplicateOfId: null });
  });

  it("marks it, copying nothing, with a history event", async () => {
    const before = await version(repeat);
    const { status, body } = await mark(reviewer1, original.id);
    expect(status).toBe(200);
    expect(body.duplicateOf).toMatchObject({ id: original.id, verdict: "mostly_true" });
    const stored = await database.prisma.claim.findUniqueOrThrow({
      where: { id: repeat },
      select: {
        duplicateOfId: true,
        verdict: true,
        rationale: true,
        version: true,
        _count: { select: { sources: true } },
      },
    });
    expect(stored).toEqual({
      duplicateOfId: original.id,
      verdict: "unrated",
      rationale: null,
      version: before + 1,
      _count: { sources: 0 },
    });
    const event = await database.prisma.claimEvent.findFirstOrThrow({
      where: { claimId: repeat },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      action: "duplicate_linked",
      before: { duplicateOfId: null },
      after: { duplicateOfId: original.id },
    });
  });

  it("takes the verdict and sources only when asked, while in progress, all at once", async () => {
    expect((await start(reviewer1, ["verdict"])).status).toBe(403);
    await database.prisma.claim.update({ where: { id: repeat }, data: { status: "in_progress" } });
    expect((await start(reviewer2, ["verdict"])).status).toBe(403);
    expect((await start(reviewer1, ["verdict"], 1)).status).toBe(409);

    const { status } = await start(reviewer1, ["verdict", "sources"]);
    expect(status).toBe(200);
    const stored = await database.prisma.claim.findUniqueOrThrow({
      where: { id: repeat },
      select: {
        verdict: true,
        rationale: true,
        status: true,
        sources: { select: { url: true }, orderBy: { url: "asc" } },
      },
    });
    expect(stored.verdict).toBe("mostly_true");
    expect(stored.status).toBe("in_progress");
    expect(stored.rationale).toBe(
      `As verified for claim #${original.id}: Two UN reports give the same figure for the same period.`,
    );
    expect(stored.sources.map((source) => source.url)).toEqual([
      "https://example.org/report-1",
      "https://example.org/report-2",
    ]);

    const again = await start(reviewer1, ["sources"]);
    expect(again.status).toBe(200);
    expect(await database.prisma.source.count({ where: { claimId: repeat } })).toBe(2);
  });

  it("refuses with 403 to take anything from an original reopened for a correction, changing nothing", async () => {
    const reopened = { status: "in_progress", verifiedById: null, verifiedAt: null } as const;
    const verified = await database.prisma.claim.update({
      where: { id: original.id },
      data: reopened,
      select: { verifiedById: true, verifiedAt: true },
    });
    await database.prisma.source.create({
      data: {
        claimId: original.id,
        url: "https://example.org/under-correction",
        title: "Under correction",
        stance: "refutes",
        addedById: reviewer1Id,
      },
    });
    try {
      const snapshot = () =>
        database.prisma.claim.findUniqueOrThrow({ where: { id: repeat }, include: { sources: true, events: true } });
      const before = await snapshot();
      for (const take of [["verdict"], ["sources"], ["verdict", "sources"]]) {
        expect(await start(reviewer1, take)).toEqual({
          status: 403,
          body: {
            error: `Claim #${original.id} is no longer verified (it was reopened for a correction): its verdict and sources can be taken once it is verified again.`,
          },
        });
      }
      expect(await snapshot()).toEqual(before);
    } finally {
      await database.prisma.source.deleteMany({
        where: { claimId: original.id, url: "https://example.org/under-correction" },
      });
      await database.prisma.claim.update({ where: { id: original.id }, data: { status: "verified", ...verified } });
    }
  });

  it("clears the mark", async () => {
    const { status, body } = await mark(reviewer1, null);
    expect(status).toBe(200);
    expect(body.duplicateOf).toBeNull();
  });
});
