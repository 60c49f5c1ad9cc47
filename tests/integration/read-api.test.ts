import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let cookie: string;
let handlers: {
  listArticles: typeof import("@/app/api/articles/route").GET;
  getArticle: typeof import("@/app/api/articles/[id]/route").GET;
  listClaims: typeof import("@/app/api/claims/route").GET;
  getClaim: typeof import("@/app/api/claims/[id]/route").GET;
};

beforeAll(async () => {
  database = await cloneSeededDatabase("read_api");
  // The route handlers read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  handlers = {
    listArticles: (await import("@/app/api/articles/route")).GET,
    getArticle: (await import("@/app/api/articles/[id]/route")).GET,
    listClaims: (await import("@/app/api/claims/route")).GET,
    getClaim: (await import("@/app/api/claims/[id]/route")).GET,
  };
  cookie = await signInCookie(DEMO.reviewer1);
});
afterAll(async () => {
  await database.drop();
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (path: string) => apiRequest(path, { cookie });

async function claimsApi(search: string) {
  const response = await handlers.listClaims(request(`/api/claims${search}`), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

describe("GET /api/articles", () => {
  it("lists the seeded article with its claim count", async () => {
    const response = await handlers.listArticles(request("/api/articles"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const { items } = await response.json();
    const total = await database.prisma.claim.count();
    expect(items).toEqual([
      expect.objectContaining({
        title: "The imperative of peace in Mali",
        publishedAt: "2024-05-31",
        claimCount: total,
      }),
    ]);
  });
});

describe("GET /api/articles/[id]", () => {
  it("returns the body and claims whose offsets index into it", async () => {
    const { items } = await (
      await handlers.listArticles(request("/api/articles"), { params: Promise.resolve({}) })
    ).json();
    const response = await handlers.getArticle(request(`/api/articles/${items[0].id}`), params(String(items[0].id)));
    const article = await response.json();
    expect(response.status).toBe(200);
    expect(article.claims.length).toBe(items[0].claimCount);
    for (const claim of article.claims) {
      expect(Object.keys(claim).sort()).toEqual(
        ["endOffset", "id", "quote", "startOffset", "statement", "status", "topic", "verdict"].sort(),
      );
      expect(article.body.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
    }
  });

  it("answers 404 with a JSON error for an unknown or malformed id", async () => {
    for (const id of ["999999", "abc", "-1", "99999999999999"]) {
      const response = await handlers.getArticle(request(`/api/articles/${id}`), params(id));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });
});

describe("GET /api/claims", () => {
  it("pages through every claim once, in article order", async () => {
    const total = await database.prisma.claim.count();
    const first = await claimsApi("?pageSize=10");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total, page: 1, pageSize: 10 });
    expect(first.body.items).toHaveLength(10);
    const seen = [...first.body.items];
    for (let page = 2; page <= Math.ceil(total / 10); page++)
      seen.push(...(await claimsApi(`?pageSize=10&page=${page}`)).body.items);
    expect(new Set(seen.map((item) => item.id)).size).toBe(total);
    const offsets = seen.map((item) => item.startOffset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(seen[0]).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        articleId: expect.any(Number),
        quote: expect.any(String),
        startOffset: expect.any(Number),
        endOffset: expect.any(Number),
        statement: expect.any(String),
        status: "unreviewed",
        verdict: "unrated",
        sourceCount: 0,
      }),
    );
  });

  it("finds the UNICEF figure by full-text search, and by a stemmed word", async () => {
    const figure = await claimsApi("?q=7.1%20million");
    expect(figure.body.items.map((item: { quote: string }) => item.quote)).toContain(
      "UNICEF estimates that 7.1 million people",
    );
    const stemmed = await claimsApi("?q=bans");
    expect(stemmed.body.total).toBeGreaterThan(0);
    expect(
      stemmed.body.items.every((item: { quote: string; statement: string }) =>
        /bann/i.test(item.quote + item.statement),
      ),
    ).toBe(true);
  });

  it("finds a figure written with a decimal comma or point, whichever was typed, and a year", async () => {
    const quotes = async (q: string) =>
      (await claimsApi(`?pageSize=100&q=${encodeURIComponent(q)}`)).body.items.map(
        (item: { quote: string }) => item.quote,
      );
    expect(await quotes("1992")).toContain("in 1992");
    for (const q of ["7,1 million", "7.1 million", "7,1"])
      expect(await quotes(q), q).toContain("UNICEF estimates that 7.1 million people");
  });

  it("finds a figure stored with a decimal comma when it is typed with a point", async () => {
    const claim = await database.prisma.claim.findFirstOrThrow({ where: { quote: "in 1992" } });
    await database.prisma.claim.update({
      where: { id: claim.id },
      data: { statement: "Selon l'UNICEF, 2,5 millions de personnes ont fui en 1992." },
    });
    const found = await claimsApi("?q=2.5%20millions");
    expect(found.body.items.map((item: { id: number }) => item.id)).toEqual([claim.id]);
    expect((await claimsApi("?q=2%2C5")).body.items.map((item: { id: number }) => item.id)).toEqual([claim.id]);
    // Characters a regular expression would read are text around a decimal figure too: neither
    // a wildcard that finds more, nor a syntax error.
    for (const q of ["2,5 m.llions", "2,5 mi.*s", "2.5|x", "(2.5 millions", "2,5{2}"])
      expect((await claimsApi(`?q=${encodeURIComponent(q)}`)).body.total, q).toBe(0);
    for (const q of ["[2,5", "2,5)", "2,5\\", "2.5("])
      expect((await claimsApi(`?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
  });

  it("keeps a comma that is not a decimal one as it was typed", async () => {
    const commaList = await claimsApi("?q=Mali%2C%20Niger");
    expect(commaList.status).toBe(200);
    expect(commaList.body.total).toBe(0);
    const claim = await database.prisma.claim.findFirstOrThrow({
      where: { topic: "Peace talks" },
      orderBy: { id: "asc" },
    });
    await database.prisma.claim.update({
      where: { id: claim.id },
      data: { statement: "Troops moved between Mali, Niger and Burkina Faso." },
    });
    expect((await claimsApi("?q=Mali%2C%20Niger")).body.items.map((item: { id: number }) => item.id)).toEqual([
      claim.id,
    ]);
  });

  it("finds part of a name and treats LIKE wildcards as text", async () => {
    expect((await claimsApi("?q=Sisso")).body.total).toBeGreaterThanOrEqual(3);
    expect((await claimsApi("?q=%25")).body.total).toBe(0);
    expect((await claimsApi("?q=_")).body.total).toBe(0);
  });

  it("filters by status, verdict and topic", async () => {
    const claim = await database.prisma.claim.findFirstOrThrow({ where: { topic: "History" } });
    await database.prisma.claim.update({ where: { id: claim.id }, data: { status: "verified", verdict: "false" } });
    expect((await claimsApi("?status=verified")).body.items.map((item: { id: number }) => item.id)).toEqual([claim.id]);
    expect((await claimsApi("?verdict=false&status=verified")).body.total).toBe(1);
    expect((await claimsApi("?verdict=true")).body.total).toBe(0);
    const history = await claimsApi("?topic=History");
    expect(history.body.total).toBe(await database.prisma.claim.count({ where: { topic: "History" } }));
    expect(history.body.items.every((item: { topic: string }) => item.topic === "History")).toBe(true);
  });

  it("filters by assignee: me, nobody, or a user id", async () => {
    const reviewer = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } });
    const claim = await database.prisma.claim.findFirstOrThrow({
      where: { topic: "Peace talks" },
      orderBy: { id: "asc" },
    });
    await database.prisma.claim.update({ where: { id: claim.id }, data: { assigneeId: reviewer.id } });
    const total = await database.prisma.claim.count();
    const mine = await claimsApi("?assignee=me");
    expect(mine.body.items.map((item: { id: number; assigneeName: string }) => [item.id, item.assigneeName])).toEqual([
      [claim.id, reviewer.name],
    ]);
    expect((await claimsApi(`?assignee=${reviewer.id}`)).body.total).toBe(1);
    expect((await claimsApi("?assignee=none")).body.total).toBe(total - 1);
  });

  it("refuses invalid parameters with 400 and the fields at fault", async () => {
    const invalid = await claimsApi("?status=done&pageSize=500&page=abc");
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      error: expect.any(String),
      fields: { status: [expect.any(String)], pageSize: [expect.any(String)], page: [expect.any(String)] },
    });
  });
});

describe("without a session", () => {
  it("answers 401 on every read route", async () => {
    const anonymous = (path: string) => apiRequest(path);
    const none = { params: Promise.resolve({}) };
    expect((await handlers.listArticles(anonymous("/api/articles"), none)).status).toBe(401);
    expect((await handlers.listClaims(anonymous("/api/claims"), none)).status).toBe(401);
    expect((await handlers.getArticle(anonymous("/api/articles/1"), params("1"))).status).toBe(401);
    const response = await handlers.getClaim(anonymous("/api/claims/1"), params("1"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe("GET /api/claims/[id]", () => {
  it("returns the claim with its sources and history", async () => {
    const claim = await database.prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" } });
    const response = await handlers.getClaim(request(`/api/claims/${claim.id}`), params(String(claim.id)));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: claim.id, quote: claim.quote, sources: [], history: [] });
    expect(body.article).not.toHaveProperty("body");
  });

  it("answers 404 for an unknown id", async () => {
    const response = await handlers.getClaim(request("/api/claims/424242"), params("424242"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.any(String) });
  });
});

describe("GET /api/claims counts", () => {
  it("gives the total of the whole filtered set on every page, a page past the end included", async () => {
    const total = await database.prisma.claim.count();
    const topic = (await database.prisma.claim.findFirstOrThrow({ select: { topic: true } })).topic;
    const inTopic = await database.prisma.claim.count({ where: { topic } });
    const article = (await database.prisma.article.findFirstOrThrow({ select: { id: true } })).id;
    const cases: [string, number, number][] = [
      ["?pageSize=5", total, 5],
      ["?pageSize=5&page=2", total, 5],
      ["?pageSize=5&page=1000", total, 0],
      [`?topic=${encodeURIComponent(topic)}&page=1000`, inTopic, 0],
      [`?topic=${encodeURIComponent(topic)}`, inTopic, Math.min(20, inTopic)],
      [
        `?article=${article}&status=unreviewed&verdict=unrated`,
        await database.prisma.claim.count({ where: { articleId: article, status: "unreviewed", verdict: "unrated" } }),
        -1,
      ],
      ["?status=verified", await database.prisma.claim.count({ where: { status: "verified" } }), -1],
    ];
    for (const [search, expectedTotal, expectedItems] of cases) {
      const { status, body } = await claimsApi(search);
      expect(status, search).toBe(200);
      expect(body.total, search).toBe(expectedTotal);
      if (expectedItems >= 0) expect(body.items, search).toHaveLength(expectedItems);
      expect(body.items[0] ?? {}, search).not.toHaveProperty("matching");
    }
  });
});

describe("GET /api/claims with a cursor", () => {
  async function walkByCursor(search: string): Promise<number[]> {
    const ids: number[] = [];
    let next: string | null = "";
    while (next !== null) {
      const { status, body } = await claimsApi(`?${search}&pageSize=7${next ? `&cursor=${next}` : ""}`);
      expect(status).toBe(200);
      expect(body.page).toBe(next ? null : 1);
      ids.push(...body.items.map((item: { id: number }) => item.id));
      next = body.nextCursor;
    }
    return ids;
  }

  it.each(["position", "recent", "status", "verdict"])(
    "walks the whole list in sort=%s exactly as the pages do",
    async (sort) => {
      const { body } = await claimsApi(`?sort=${sort}&pageSize=100`);
      const byPages = body.items.map((item: { id: number }) => item.id);
      expect(byPages.length).toBe(await database.prisma.claim.count());
      expect(await walkByCursor(`sort=${sort}`)).toEqual(byPages);
    },
  );

  it("keeps the filters while walking", async () => {
    const topic = (await database.prisma.claim.findFirstOrThrow({ select: { topic: true } })).topic;
    const expected = (
      await database.prisma.claim.findMany({
        where: { topic },
        orderBy: [{ articleId: "asc" }, { startOffset: "asc" }, { endOffset: "asc" }],
        select: { id: true },
      })
    ).map((claim) => claim.id);
    expect(await walkByCursor(`topic=${encodeURIComponent(topic)}`)).toEqual(expected);
  });

  it("refuses a made-up cursor, one from another sort, and a cursor with a page number", async () => {
    const { body } = await claimsApi("?pageSize=5");
    const cursor = body.nextCursor as string;
    const refusals = [
      "?cursor=not-a-cursor",
      `?cursor=${Buffer.from(JSON.stringify({ sort: "position", key: ["1; DROP TABLE", 0, 0] })).toString("base64url")}`,
      `?cursor=${cursor}&sort=recent`,
      `?cursor=${cursor}&page=2`,
    ];
    for (const search of refusals) {
      const refused = await claimsApi(search);
      expect(refused.status, search).toBe(400);
      expect(refused.body.fields, search).toHaveProperty("cursor");
    }
  });
});
