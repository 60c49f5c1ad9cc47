/**
 * Retracting a published fact-check (POST /api/claims/:id/retract and the claim page's form): who may,
 * what is stored (the claim's retraction columns and one "retracted" history event, at one new version),
 * what is refused and leaves the claim as it was (a stale version, a bad reason, an unverified or already
 * retracted claim, and reopening a retracted one), and what readers get afterwards: the ClaimReview
 * answers 410 and the article's leaves it out, the share card and the page's head say "Retracted".
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE_STATE } from "@/lib/action-state";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The Server Action reads its session from next/headers, which only Next provides: it answers the cookie set here.
const requestScope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestScope.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

type Person = keyof typeof DEMO;

let database: TestDatabase;
const cookies = {} as Record<Person, string>;
const ids = {} as Record<Person, string>;
let routes: {
  retract: typeof import("@/app/api/claims/[id]/retract/route").POST;
  reopen: typeof import("@/app/api/claims/[id]/reopen/route").POST;
  claimReview: typeof import("@/app/api/claims/[id]/claimreview/route").GET;
  articleReviews: typeof import("@/app/api/articles/[id]/claimreview/route").GET;
  markDuplicate: typeof import("@/app/api/claims/[id]/duplicate/route").PUT;
  startFromDuplicate: typeof import("@/app/api/claims/[id]/duplicate/start/route").POST;
  similar: typeof import("@/app/api/claims/[id]/similar/route").GET;
};
let retractClaimFromForm: typeof import("@/domains/claims/actions").retractClaimFromForm;
let unusedClaims: number[] = [];

const REASON = "The agency withdrew the report our verdict relied on.";

beforeAll(async () => {
  database = await cloneSeededDatabase("retraction");
  process.env.DATABASE_URL = database.url;
  routes = {
    retract: (await import("@/app/api/claims/[id]/retract/route")).POST,
    reopen: (await import("@/app/api/claims/[id]/reopen/route")).POST,
    claimReview: (await import("@/app/api/claims/[id]/claimreview/route")).GET,
    articleReviews: (await import("@/app/api/articles/[id]/claimreview/route")).GET,
    markDuplicate: (await import("@/app/api/claims/[id]/duplicate/route")).PUT,
    startFromDuplicate: (await import("@/app/api/claims/[id]/duplicate/start/route")).POST,
    similar: (await import("@/app/api/claims/[id]/similar/route")).GET,
  };
  retractClaimFromForm = (await import("@/domains/claims/actions")).retractClaimFromForm;
  for (const person of Object.keys(DEMO) as Person[]) {
    cookies[person] = await signInCookie(DEMO[person]);
    ids[person] = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO[person] } })).id;
  }
  unusedClaims = (await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (claim) => claim.id,
  );
});
afterAll(async () => {
  await database.drop();
});

/** An untouched seeded claim, verified (published) by the reviewers unless asked otherwise. */
async function publishedClaim(status: "verified" | "in_progress" = "verified"): Promise<number> {
  const id = unusedClaims.shift();
  if (id === undefined) throw new Error("The test ran out of seeded claims.");
  const verified = status === "verified";
  await database.prisma.claim.update({
    where: { id },
    data: {
      status,
      verdict: "mostly_false",
      rationale: "Two agency reports give a lower figure for the same year.",
      proposedById: ids.reviewer1,
      verifiedById: verified ? ids.reviewer2 : null,
      verifiedAt: verified ? new Date("2026-11-20T09:00:00Z") : null,
      // As if changed since it was added, so that an earlier version exists to be stale.
      version: { increment: 1 },
    },
  });
  return id;
}

async function stored(claimId: number) {
  return database.prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      status: true,
      version: true,
      retractedAt: true,
      retractionReason: true,
      retractedById: true,
      events: { select: { action: true, actorId: true, before: true, after: true }, orderBy: { id: "asc" } },
    },
  });
}

async function retract(as: Person | "anonymous", claimId: number, json: unknown) {
  const request = apiRequest(`/api/claims/${claimId}/retract`, {
    method: "POST",
    cookie: as === "anonymous" ? undefined : cookies[as],
    json,
  });
  return responseJson(await routes.retract(request, routeParams({ id: String(claimId) })));
}

async function claimReview(claimId: number): Promise<Response> {
  return routes.claimReview(apiRequest(`/api/claims/${claimId}/claimreview`), routeParams({ id: String(claimId) }));
}

describe("POST /api/claims/:id/retract", () => {
  it("an editor retracts a published fact-check: the reason, who and when are stored with one history event", async () => {
    const id = await publishedClaim();
    const before = await stored(id);
    const startedAt = Date.now();
    const answer = await retract("editor", id, { version: before.version, reason: `  ${REASON}\n` });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: "verified",
      version: before.version + 1,
      retractionReason: REASON,
      retractedBy: { id: ids.editor },
      retractedAt: expect.any(String),
    });
    const after = await stored(id);
    expect(after).toMatchObject({
      status: "verified",
      version: before.version + 1,
      retractionReason: REASON,
      retractedById: ids.editor,
    });
    expect(after.retractedAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(after.events.slice(before.events.length)).toEqual([
      { action: "retracted", actorId: ids.editor, before: {}, after: { reason: REASON } },
    ]);
  });

  it("admins retract too; reviewers are refused (403), anonymous callers 401, and nothing is stored", async () => {
    const refusedId = await publishedClaim();
    const { version } = await stored(refusedId);
    const reviewer = await retract("reviewer1", refusedId, { version, reason: REASON });
    expect(reviewer).toEqual({
      status: 403,
      body: { error: "Only editors and admins can retract a published fact-check." },
    });
    expect((await retract("anonymous", refusedId, { version, reason: REASON })).status).toBe(401);
    expect(await stored(refusedId)).toMatchObject({ version, retractedAt: null, retractionReason: null });

    const adminsId = await publishedClaim();
    const admin = await retract("admin", adminsId, { version: (await stored(adminsId)).version, reason: REASON });
    expect(admin.status).toBe(200);
    expect((await stored(adminsId)).retractedById).toBe(ids.admin);
  });

  it("answers 409 with the claim as stored when it changed since the version sent, and stores nothing", async () => {
    const id = await publishedClaim();
    const { version } = await stored(id);
    const answer = await retract("editor", id, { version: version - 1, reason: REASON });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ current: { version, status: "verified" } });
    expect(await stored(id)).toMatchObject({ version, retractedAt: null });
  });

  it.each([
    ["no reason", {}, "reason"],
    ["a reason under 10 characters once trimmed", { reason: "   too short    " }, "reason"],
    ["a reason over 1000 characters", { reason: "x".repeat(1001) }, "reason"],
    ["a reason that is not text", { reason: 42 }, "reason"],
    ["an unknown field", { reason: REASON, verdict: "true" }, "_"],
    ["no version", { version: undefined, reason: REASON }, "version"],
  ])("answers 400 naming the field for %s", async (_case, fields, field) => {
    const id = await publishedClaim();
    const { version } = await stored(id);
    const answer = await retract("editor", id, { version, ...fields });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "Invalid retraction.", fields: { [field]: expect.any(Array) } });
    expect(await stored(id)).toMatchObject({ version, retractedAt: null });
  });

  it("accepts a reason of exactly 10 and 1000 characters", async () => {
    for (const reason of ["x".repeat(10), "y".repeat(1000)]) {
      const id = await publishedClaim();
      const answer = await retract("editor", id, { version: (await stored(id)).version, reason });
      expect(answer.status).toBe(200);
      expect((await stored(id)).retractionReason).toBe(reason);
    }
  });

  it("refuses a claim that is not published (403) or unknown (404)", async () => {
    const id = await publishedClaim("in_progress");
    const { version } = await stored(id);
    expect(await retract("editor", id, { version, reason: REASON })).toEqual({
      status: 403,
      body: { error: "Only a verified, published fact-check can be retracted." },
    });
    expect((await retract("editor", 999_999, { version: 1, reason: REASON })).status).toBe(404);
    expect(await stored(id)).toMatchObject({ version, retractedAt: null });
  });

  it("is final: a retracted claim is neither retracted again nor reopened", async () => {
    const id = await publishedClaim();
    await retract("editor", id, { version: (await stored(id)).version, reason: REASON });
    const { version, events } = await stored(id);
    const final = "This fact-check was retracted: a retraction is final, so it is not reopened or retracted again.";
    expect(await retract("admin", id, { version, reason: "Retracting it once more." })).toEqual({
      status: 403,
      body: { error: final },
    });
    const reopen = await routes.reopen(
      apiRequest(`/api/claims/${id}/reopen`, {
        method: "POST",
        cookie: cookies.editor,
        json: { version, reason: "A newer report gives another figure." },
      }),
      routeParams({ id: String(id) }),
    );
    expect(await responseJson(reopen)).toEqual({ status: 403, body: { error: final } });
    expect(await stored(id)).toMatchObject({ status: "verified", version, retractionReason: REASON, events });
  });
});

describe("the claim page's retraction form", () => {
  async function viaForm(as: Person, claimId: number, reason: string) {
    requestScope.headers = new Headers({ host: "localhost:3000", cookie: cookies[as] });
    const formData = new FormData();
    formData.set("claimId", String(claimId));
    formData.set("version", String((await stored(claimId)).version));
    formData.set("reason", reason);
    return retractClaimFromForm(IDLE_STATE, formData);
  }

  it("retracts as the API does, and answers a short reason with the field's message and what was typed", async () => {
    const id = await publishedClaim();
    const short = await viaForm("editor", id, "Wrong");
    expect(short).toMatchObject({
      status: "error",
      fields: { reason: ["Tell readers why it is retracted (at least 10 characters)."] },
      values: { reason: "Wrong" },
    });
    expect((await stored(id)).retractedAt).toBeNull();

    expect(await viaForm("reviewer1", id, REASON)).toMatchObject({
      status: "error",
      message: "Only editors and admins can retract a published fact-check.",
    });
    expect(await viaForm("editor", id, REASON)).toMatchObject({
      status: "success",
      message: "Publication retracted: the public page now says so, with your reason.",
    });
    expect(await stored(id)).toMatchObject({ retractionReason: REASON, retractedById: ids.editor });
  });
});

describe("what readers get once a fact-check is retracted", () => {
  it("its ClaimReview answers 410 Gone with when and why, and its article's ClaimReviews leave it out", async () => {
    const id = await publishedClaim();
    const { articleId } = await database.prisma.claim.findUniqueOrThrow({ where: { id }, select: { articleId: true } });
    const articleReviews = async () => {
      const response = await routes.articleReviews(
        apiRequest(`/api/articles/${articleId}/claimreview`),
        routeParams({ id: String(articleId) }),
      );
      return ((await response.json()) as { url: string }[]).map((review) => review.url);
    };
    expect((await claimReview(id)).status).toBe(200);
    expect(await articleReviews()).toContainEqual(expect.stringMatching(new RegExp(`/fact-checks/${id}$`)));

    await retract("editor", id, { version: (await stored(id)).version, reason: REASON });
    const gone = await claimReview(id);
    const day = (await stored(id)).retractedAt!.toISOString().slice(0, 10);
    expect(await responseJson(gone)).toEqual({
      status: 410,
      body: { error: `This fact-check was retracted on ${day}: ${REASON}` },
    });
    expect(await articleReviews()).not.toContainEqual(expect.stringMatching(new RegExp(`/fact-checks/${id}$`)));
  });

  it("its ClaimReview is a cacheable public answer, before and after: ETag, 304 when current, and the 410 too", async () => {
    const id = await publishedClaim();
    const published = await claimReview(id);
    expect(published.status).toBe(200);
    expect(published.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(published.headers.get("cache-control")).toMatch(/^public, s-maxage=\d+/);
    const etag = published.headers.get("etag")!;
    const revalidated = await routes.claimReview(
      apiRequest(`/api/claims/${id}/claimreview`, { headers: { "if-none-match": etag } }),
      routeParams({ id: String(id) }),
    );
    expect({ status: revalidated.status, body: await revalidated.text() }).toEqual({ status: 304, body: "" });

    await retract("editor", id, { version: (await stored(id)).version, reason: REASON });
    const gone = await routes.claimReview(
      apiRequest(`/api/claims/${id}/claimreview`, { headers: { "if-none-match": etag } }),
      routeParams({ id: String(id) }),
    );
    expect(gone.status).toBe(410);
    expect(gone.headers.get("cache-control")).toMatch(/^public, s-maxage=\d+/);
    expect(gone.headers.get("etag")).not.toBe(etag);
  });

  it("its share card says Retracted, and the page's head too", async () => {
    const id = await publishedClaim();
    const { factCheckMetadata } = await import("@/domains/publishing/metadata");
    const { getPublishedClaim } = await import("@/domains/publishing/data");
    const standing = factCheckMetadata((await getPublishedClaim(id))!);
    expect(standing.title).toMatch(/^Fact-check: /);
    expect(standing.description).toMatch(/^Mostly false\. Two agency reports/);

    await retract("editor", id, { version: (await stored(id)).version, reason: REASON });
    const retracted = factCheckMetadata((await getPublishedClaim(id))!);
    expect(retracted.title).toMatch(/^Retracted fact-check: /);
    expect(retracted.description).toBe(`Retracted: ${REASON}`);
    expect(retracted.openGraph).toMatchObject({ modifiedTime: (await stored(id)).retractedAt!.toISOString() });
  });
});

describe("a retracted fact-check is no one's starting point", () => {
  async function asEditor<
    T extends (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  >(route: T, method: string, claimId: number, path: string, json?: unknown) {
    const request = apiRequest(`/api/claims/${claimId}${path}`, { method, cookie: cookies.editor, json });
    return responseJson(await route(request, routeParams({ id: String(claimId) })));
  }

  it("leaves the similar claims, cannot be marked as an original, and gives its duplicates nothing to take", async () => {
    const original = await publishedClaim();
    const repeat = await publishedClaim("in_progress");
    const alsoRepeat = await publishedClaim("in_progress");
    const { statement } = await database.prisma.claim.findUniqueOrThrow({ where: { id: original } });
    await database.prisma.claim.updateMany({
      where: { id: { in: [repeat, alsoRepeat] } },
      data: { statement, verdict: "unrated", rationale: null, proposedById: null },
    });
    const similarIds = async () =>
      ((await asEditor(routes.similar, "GET", repeat, "/similar")).body.items as { id: number }[]).map(
        (item) => item.id,
      );
    expect(await similarIds()).toContain(original);
    const marked = await asEditor(routes.markDuplicate, "PUT", repeat, "/duplicate", {
      version: (await stored(repeat)).version,
      duplicateOfId: original,
    });
    expect(marked.status).toBe(200);

    await retract("editor", original, { version: (await stored(original)).version, reason: REASON });
    expect(await similarIds()).not.toContain(original);
    const markAgain = await asEditor(routes.markDuplicate, "PUT", alsoRepeat, "/duplicate", {
      version: (await stored(alsoRepeat)).version,
      duplicateOfId: original,
    });
    expect(markAgain).toMatchObject({
      status: 400,
      body: { fields: { duplicateOfId: ["This fact-check was retracted: its verdict cannot be reused."] } },
    });
    const { version, events } = await stored(repeat);
    const take = await asEditor(routes.startFromDuplicate, "POST", repeat, "/duplicate/start", {
      version,
      take: ["verdict", "sources"],
    });
    expect(take).toEqual({
      status: 403,
      body: {
        error: `Claim #${original} was retracted: its verdict and sources are no longer anyone's starting point.`,
      },
    });
    expect(await stored(repeat)).toMatchObject({ version, events });
  });
});
