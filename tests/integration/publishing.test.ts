import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, routeParams, signInCookie } from "@/tests/support/api";
import { parseCsv } from "@/tests/support/csv";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let cookie: string;
let routes: {
  claimReview: typeof import("@/app/api/claims/[id]/claimreview/route").GET;
  articleReviews: typeof import("@/app/api/articles/[id]/claimreview/route").GET;
  exportCsv: typeof import("@/app/api/claims/export.csv/route").GET;
  list: typeof import("@/app/api/claims/route").GET;
};
let verifiedId: number;
let unverifiedId: number;
let articleId: number;
const awkwardRationale = '=HYPERLINK("http://evil.example") says "7.1 million", not 7,1\nand the figure holds.';

beforeAll(async () => {
  database = await cloneSeededDatabase("publishing");
  process.env.DATABASE_URL = database.url;
  routes = {
    claimReview: (await import("@/app/api/claims/[id]/claimreview/route")).GET,
    articleReviews: (await import("@/app/api/articles/[id]/claimreview/route")).GET,
    exportCsv: (await import("@/app/api/claims/export.csv/route")).GET,
    list: (await import("@/app/api/claims/route")).GET,
  };
  cookie = await signInCookie(DEMO.editor);
  const [reviewer, approver] = await Promise.all([
    database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } }),
    database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer2 } }),
  ]);
  const claims = await database.prisma.claim.findMany({
    where: { topic: "Humanitarian situation" },
    orderBy: { startOffset: "asc" },
  });
  verifiedId = claims[0]!.id;
  unverifiedId = claims[1]!.id;
  articleId = claims[0]!.articleId;
  await database.prisma.claim.update({
    where: { id: verifiedId },
    data: {
      status: "verified",
      verdict: "mostly_true",
      rationale: awkwardRationale,
      proposedById: reviewer.id,
      verifiedById: approver.id,
      verifiedAt: new Date("2026-11-20T09:00:00Z"),
      sources: {
        create: {
          url: "https://www.unicef.org/mali",
          title: "UNICEF Mali",
          stance: "supports",
          addedById: reviewer.id,
        },
      },
    },
  });
});
afterAll(async () => {
  await database.drop();
});

const anonymous = (path: string) => apiRequest(path);

describe("GET /api/claims/[id]/claimreview (public)", () => {
  it("publishes a verified claim as ClaimReview JSON-LD without sign-in", async () => {
    const response = await routes.claimReview(
      anonymous(`/api/claims/${verifiedId}/claimreview`),
      routeParams({ id: String(verifiedId) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const review = await response.json();
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: `http://localhost:3000/fact-checks/${verifiedId}`,
      datePublished: "2026-11-20",
      author: { "@type": "Organization", name: "Fact-check desk" },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 4,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Mostly true",
        ratingExplanation: awkwardRationale,
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Organization", name: "UNICEF" },
        datePublished: "2024-05-31",
        appearance: { "@type": "CreativeWork", url: "https://internationalviewpoint.org/spip.php?article8542" },
      },
    });
  });

  it("never publishes an unverified or unknown claim (404)", async () => {
    for (const id of [String(unverifiedId), "999999", "abc"]) {
      const response = await routes.claimReview(anonymous(`/api/claims/${id}/claimreview`), routeParams({ id }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });

  it("lists only the article's verified claims", async () => {
    const response = await routes.articleReviews(
      anonymous(`/api/articles/${articleId}/claimreview`),
      routeParams({ id: String(articleId) }),
    );
    const reviews = await response.json();
    expect(reviews.map((review: { url: string }) => review.url)).toEqual([
      `http://localhost:3000/fact-checks/${verifiedId}`,
    ]);
    const missing = await routes.articleReviews(
      anonymous("/api/articles/999999/claimreview"),
      routeParams({ id: "999999" }),
    );
    expect(missing.status).toBe(404);
  });
});

describe("GET /api/claims/export.csv", () => {
  async function exportCsv(search: string) {
    return routes.exportCsv(apiRequest(`/api/claims/export.csv${search}`, { cookie }), routeParams({}));
  }

  it("exports exactly the rows of the filtered view, in its order", async () => {
    const search = "?q=Mali&sort=recent";
    const csvResponse = await exportCsv(search);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(csvResponse.headers.get("content-disposition")).toMatch(
      /^attachment; filename="claims-q-Mali-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = parseCsv(await csvResponse.text());
    expect(header).toEqual([
      "id",
      "article",
      "quote",
      "statement",
      "status",
      "verdict",
      "rationale",
      "assignee",
      "source count",
      "source urls",
      "last change",
      "verified by",
      "verified at",
    ]);
    const list = await (
      await routes.list(apiRequest(`/api/claims${search}&pageSize=100`, { cookie }), routeParams({}))
    ).json();
    expect(list.total).toBeGreaterThan(20);
    expect(rows.map((row) => Number(row[0]))).toEqual(list.items.map((item: { id: number }) => item.id));
  });

  it("finds a figure typed with a decimal comma as the list does", async () => {
    const [, ...rows] = parseCsv(await (await exportCsv("?q=7%2C1%20million")).text());
    expect(rows.map((row) => row[2])).toContain("UNICEF estimates that 7.1 million people");
  });

  it("keeps quotes, commas, newlines and a leading = in a rationale, neutralised for spreadsheets", async () => {
    const [, ...rows] = parseCsv(await (await exportCsv("?status=verified")).text());
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row![0]).toBe(String(verifiedId));
    expect(row![5]).toBe("mostly_true");
    expect(row![6]).toBe(`'${awkwardRationale}`);
    expect(row![8]).toBe("1");
    expect(row![9]).toBe("https://www.unicef.org/mali");
    expect(row![11]).toBe("Rémi Reviewer");
    expect(row![12]).toBe("2026-11-20T09:00:00.000Z");
  });

  it("needs a session, and refuses bad filters with 400", async () => {
    expect((await routes.exportCsv(anonymous("/api/claims/export.csv"), routeParams({}))).status).toBe(401);
    const invalid = await exportCsv("?status=nope");
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ fields: { status: [expect.any(String)] } });
  });
});
