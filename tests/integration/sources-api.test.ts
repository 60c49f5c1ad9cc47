import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let cookie: string;
let otherCookie: string;
let editorCookie: string;
let reviewer1Id: string;
let unusedClaimIds: number[];
let routes: {
  post: typeof import("@/app/api/claims/[id]/sources/route").POST;
  patch: typeof import("@/app/api/claims/[id]/sources/[sourceId]/route").PATCH;
  remove: typeof import("@/app/api/claims/[id]/sources/[sourceId]/route").DELETE;
};

beforeAll(async () => {
  database = await cloneSeededDatabase("sources_api");
  // The route handlers read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  routes = {
    post: (await import("@/app/api/claims/[id]/sources/route")).POST,
    patch: (await import("@/app/api/claims/[id]/sources/[sourceId]/route")).PATCH,
    remove: (await import("@/app/api/claims/[id]/sources/[sourceId]/route")).DELETE,
  };
  cookie = await signInCookie(DEMO.reviewer1);
  otherCookie = await signInCookie(DEMO.reviewer2);
  editorCookie = await signInCookie(DEMO.editor);
  reviewer1Id = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } })).id;
  unusedClaimIds = (await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (claim) => claim.id,
  );
});
afterAll(async () => {
  await database.drop();
});

/** Each test works on a claim no other test has touched. */
function freshClaimId(): number {
  const id = unusedClaimIds.shift();
  if (id === undefined) throw new Error("The seed has run out of claims for this file.");
  return id;
}

type Options = { cookie?: string | null; body?: string; origin?: string };

function send(
  method: "POST" | "PATCH" | "DELETE",
  claimId: number | string,
  sourceId: number | string | null,
  json: unknown,
  options: Options = {},
) {
  const path = sourceId === null ? `/api/claims/${claimId}/sources` : `/api/claims/${claimId}/sources/${sourceId}`;
  const request = apiRequest(path, {
    method,
    cookie: options.cookie === null ? undefined : (options.cookie ?? cookie),
    json: options.body === undefined ? json : undefined,
    body: options.body,
    origin: options.origin,
  });
  if (method === "POST") return routes.post(request, routeParams({ id: String(claimId) })).then(responseJson);
  const params = routeParams({ id: String(claimId), sourceId: String(sourceId) });
  return (method === "PATCH" ? routes.patch(request, params) : routes.remove(request, params)).then(responseJson);
}

const post = (claimId: number | string, json: unknown, options?: Options) => send("POST", claimId, null, json, options);
const patch = (claimId: number | string, sourceId: number | string, json: unknown, options?: Options) =>
  send("PATCH", claimId, sourceId, json, options);
const remove = (claimId: number | string, sourceId: number | string, json: unknown, options?: Options) =>
  send("DELETE", claimId, sourceId, json, options);

const REPORT = { url: "https://example.org/report", title: "A report", stance: "supports" };

/** Everything a refused write must leave as it was. */
async function snapshot(claimId: number) {
  const [claim, sources, events] = await Promise.all([
    database.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true, status: true } }),
    database.prisma.source.findMany({ where: { claimId }, orderBy: { id: "asc" } }),
    database.prisma.claimEvent.count({ where: { claimId } }),
  ]);
  return { claim, sources, events };
}

async function lastEvent(claimId: number) {
  return database.prisma.claimEvent.findFirstOrThrow({ where: { claimId }, orderBy: { id: "desc" } });
}

/** A claim with one source added through the API, and the claim version after it. */
async function claimWithSource(source: Record<string, unknown> = REPORT) {
  const claimId = freshClaimId();
  const added = await post(claimId, source);
  expect(added.status).toBe(201);
  return { claimId, sourceId: added.body.id as number, version: added.body.claimVersion as number };
}

/** Refused writes leave a claim as it was, so the refusal tests share one and check it stays pristine. */
let refusedClaimId: number;
beforeAll(() => {
  refusedClaimId = freshClaimId();
});

async function expectPristine(claimId: number) {
  expect(await snapshot(claimId)).toMatchObject({ claim: { version: 1 }, sources: [], events: 0 });
}

describe("POST /api/claims/[id]/sources", () => {
  it("adds a source, normalises its url, bumps the claim version and records one event", async () => {
    const claimId = freshClaimId();
    const before = await snapshot(claimId);
    const { status, body } = await post(claimId, {
      version: before.claim.version,
      url: "  HTTPS://Example.ORG:443/Report?id=7#page-2 ",
      title: "  Humanitarian Response Plan 2024 ",
      publisher: "UN OCHA",
      excerpt: "7.1 million people in need.",
      stance: "supports",
      archiveUrl: "https://web.archive.org/web/2024/https://example.org/report",
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      id: expect.any(Number),
      claimId,
      url: "https://example.org/Report?id=7#page-2",
      title: "Humanitarian Response Plan 2024",
      publisher: "UN OCHA",
      excerpt: "7.1 million people in need.",
      stance: "supports",
      archiveUrl: "https://web.archive.org/web/2024/https://example.org/report",
      addedAt: expect.any(String),
      addedBy: { id: reviewer1Id, name: expect.any(String) },
      claimVersion: before.claim.version + 1,
    });
    const after = await snapshot(claimId);
    expect(after.claim.version).toBe(before.claim.version + 1);
    expect(after.events).toBe(before.events + 1);
    const event = await lastEvent(claimId);
    expect(event).toMatchObject({
      action: "source_added",
      actorId: reviewer1Id,
      before: {},
      after: {
        id: body.id,
        url: "https://example.org/Report?id=7#page-2",
        title: "Humanitarian Response Plan 2024",
        publisher: "UN OCHA",
        excerpt: "7.1 million people in need.",
        stance: "supports",
        archiveUrl: "https://web.archive.org/web/2024/https://example.org/report",
      },
    });
    const stored = await database.prisma.source.findUniqueOrThrow({
      where: { id: body.id as number },
      select: { addedAt: true, addedBy: { select: { name: true } } },
    });
    expect(body.addedAt).toBe(stored.addedAt.toISOString());
    expect((body.addedBy as { name: string }).name).toBe(stored.addedBy.name);
  });

  it("needs no version, and stores blank optional fields as null", async () => {
    const claimId = freshClaimId();
    const { status, body } = await post(claimId, { ...REPORT, publisher: "  ", excerpt: "", archiveUrl: "" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ publisher: null, excerpt: null, archiveUrl: null, claimVersion: 2 });
  });

  it("refuses a stale version with 409 and stores nothing", async () => {
    const { claimId } = await claimWithSource();
    const before = await snapshot(claimId);
    const { status, body } = await post(claimId, {
      ...REPORT,
      url: "https://example.org/other",
      version: before.claim.version - 1,
    });
    expect(status).toBe(409);
    expect(body.error).toMatch(/added a source since you loaded this claim; nothing was saved/);
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("lets two reviewers add different sources at the same moment", async () => {
    const claimId = freshClaimId();
    const results = await Promise.all([
      post(claimId, { ...REPORT, url: "https://example.org/one" }),
      post(claimId, { ...REPORT, url: "https://example.org/two" }, { cookie: otherCookie }),
    ]);
    expect(results.map((result) => result.status)).toEqual([201, 201]);
    expect(results.map((result) => result.body.claimVersion).sort()).toEqual([2, 3]);
    expect((await snapshot(claimId)).events).toBe(2);
  });
});

describe("duplicate urls", () => {
  it("refuses the same url twice on a claim, naming the source already attached", async () => {
    const { claimId, sourceId } = await claimWithSource({ ...REPORT, title: 'The "main" report' });
    const before = await snapshot(claimId);
    const { status, body } = await post(claimId, { ...REPORT, url: "HTTPS://EXAMPLE.ORG/report", title: "Again" });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: expect.any(String),
      fields: { url: [`This URL is already attached as source #${sourceId} "The "main" report".`] },
    });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("refuses an edit that would give a source the url of another", async () => {
    const { claimId, sourceId } = await claimWithSource();
    const second = await post(claimId, { ...REPORT, url: "https://example.org/second", title: "Second" });
    const before = await snapshot(claimId);
    const { status, body } = await patch(claimId, second.body.id as number, {
      version: before.claim.version,
      url: REPORT.url,
    });
    expect(status).toBe(400);
    expect((body.fields as Record<string, string[]>).url).toEqual([
      `This URL is already attached as source #${sourceId} "A report".`,
    ]);
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("allows the same url on another claim", async () => {
    await claimWithSource();
    await claimWithSource();
  });

  it("lets only one of two simultaneous adds of one url through", async () => {
    const claimId = freshClaimId();
    const results = await Promise.all([post(claimId, REPORT), post(claimId, REPORT, { cookie: otherCookie })]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 400]);
    const refused = results.find((result) => result.status === 400);
    expect(refused?.body.fields).toEqual({
      url: [expect.stringMatching(/already attached as source #\d+ "A report"/)],
    });
    expect((await snapshot(claimId)).sources).toHaveLength(1);
  });
});

describe("PATCH /api/claims/[id]/sources/[sourceId]", () => {
  it("changes the fields sent, bumps the version and records only what changed", async () => {
    const { claimId, sourceId, version } = await claimWithSource({ ...REPORT, publisher: "OCHA" });
    const { status, body } = await patch(claimId, sourceId, {
      version,
      title: "A better title",
      stance: "refutes",
      publisher: null,
      excerpt: "",
      url: REPORT.url,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: sourceId,
      claimId,
      url: REPORT.url,
      title: "A better title",
      stance: "refutes",
      publisher: null,
      excerpt: null,
      claimVersion: version + 1,
    });
    const event = await lastEvent(claimId);
    expect(event.action).toBe("source_updated");
    expect(event.actorId).toBe(reviewer1Id);
    expect(event.before).toEqual({ id: sourceId, title: "A report", stance: "supports", publisher: "OCHA" });
    expect(event.after).toEqual({ id: sourceId, title: "A better title", stance: "refutes", publisher: null });
    expect((await snapshot(claimId)).claim.version).toBe(version + 1);
  });

  it("records nothing when the values sent are the ones stored", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const before = await snapshot(claimId);
    const { status, body } = await patch(claimId, sourceId, {
      version,
      title: "  A report ",
      url: "https://EXAMPLE.org/report",
    });
    expect(status).toBe(200);
    expect(body.claimVersion).toBe(version);
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("requires the version, refuses a stale one with 409, and changes nothing", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    await post(claimId, { ...REPORT, url: "https://example.org/later" }, { cookie: otherCookie });
    const before = await snapshot(claimId);

    const missing = await patch(claimId, sourceId, { title: "New" });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toEqual({ version: [expect.any(String)] });

    const stale = await patch(claimId, sourceId, { version, title: "New" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/added a source since you loaded this claim/);
    expect(stale.body.current).toMatchObject({ version: version + 1 });
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("refuses a change with nothing to change", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const { status, body } = await patch(claimId, sourceId, { version });
    expect(status).toBe(400);
    expect(body.error).toMatch(/Nothing to change/);
  });
});

describe("DELETE /api/claims/[id]/sources/[sourceId]", () => {
  it("removes the source, bumps the version and records the source in the history", async () => {
    const { claimId, sourceId, version } = await claimWithSource({ ...REPORT, excerpt: "The passage." });
    const { status, body } = await remove(claimId, sourceId, { version });
    expect(status).toBe(200);
    expect(body).toEqual({ id: sourceId, claimVersion: version + 1 });
    const after = await snapshot(claimId);
    expect(after.sources).toEqual([]);
    expect(after.claim.version).toBe(version + 1);
    expect(after.events).toBe(2);
    expect(await lastEvent(claimId)).toMatchObject({
      action: "source_removed",
      actorId: reviewer1Id,
      before: {
        id: sourceId,
        url: REPORT.url,
        title: "A report",
        publisher: null,
        excerpt: "The passage.",
        stance: "supports",
        archiveUrl: null,
      },
      after: {},
    });
  });

  it("requires the version, refuses a stale one with 409, and keeps the source", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    await patch(claimId, sourceId, { version, title: "Renamed" }, { cookie: editorCookie });
    const before = await snapshot(claimId);
    for (const body of [undefined, "{}"]) {
      const missing = await remove(claimId, sourceId, undefined, { body });
      expect(missing.status).toBe(400);
    }
    const stale = await remove(claimId, sourceId, { version });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/edited a source since you loaded this claim/);
    expect(await snapshot(claimId)).toEqual(before);
  });
});

describe("who may change sources, and when", () => {
  it("answers 401 without a session and stores nothing", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const before = await snapshot(claimId);
    const anonymous = { cookie: null };
    for (const result of [
      await post(claimId, { ...REPORT, url: "https://example.org/anon" }, anonymous),
      await patch(claimId, sourceId, { version, title: "Anonymous" }, anonymous),
      await remove(claimId, sourceId, { version }, anonymous),
    ]) {
      expect(result.status).toBe(401);
      expect(result.body).toEqual({ error: expect.any(String) });
    }
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("refuses a write from another site", async () => {
    const { status } = await post(refusedClaimId, REPORT, { origin: "https://evil.example" });
    expect(status).toBe(403);
    await expectPristine(refusedClaimId);
  });

  it("lets any signed-in reviewer attach a source to an unassigned or someone else's claim", async () => {
    const unassigned = freshClaimId();
    expect((await post(unassigned, REPORT, { cookie: otherCookie })).status).toBe(201);
    const { claimId } = await claimWithSource();
    await database.prisma.claim.update({
      where: { id: claimId },
      data: { status: "in_progress", assigneeId: reviewer1Id },
    });
    expect(
      (await post(claimId, { ...REPORT, url: "https://example.org/pooled" }, { cookie: otherCookie })).status,
    ).toBe(201);
  });

  it("refuses with 403 a colleague's edit or removal of a source they did not add, on a claim not theirs, storing nothing", async () => {
    const { claimId, sourceId } = await claimWithSource();
    const { version } = await database.prisma.claim.update({
      where: { id: claimId },
      data: { status: "in_progress", assigneeId: reviewer1Id },
      select: { version: true },
    });
    const before = await snapshot(claimId);
    for (const result of [
      await patch(claimId, sourceId, { version, title: "Not mine to retitle" }, { cookie: otherCookie }),
      await remove(claimId, sourceId, { version }, { cookie: otherCookie }),
    ]) {
      expect(result).toEqual({
        status: 403,
        body: {
          error: `Source #${sourceId} was added by Rita Reviewer: only they, the claim's assignee or an editor can change or remove it.`,
        },
      });
    }
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("lets the source's author, the claim's assignee and an editor edit or remove it", async () => {
    const { claimId } = await claimWithSource();
    await database.prisma.claim.update({
      where: { id: claimId },
      data: { status: "in_progress", assigneeId: reviewer1Id },
    });
    const added = await post(claimId, { ...REPORT, url: "https://example.org/by-reviewer2" }, { cookie: otherCookie });
    const theirs = added.body.id as number;
    let version = added.body.claimVersion as number;
    const edit = async (who: string, title: string) => {
      const result = await patch(claimId, theirs, { version, title }, { cookie: who });
      expect(result.status, title).toBe(200);
      version = result.body.claimVersion as number;
    };
    await edit(otherCookie, "Retitled by its author");
    await edit(cookie, "Retitled by the claim's assignee");
    await edit(editorCookie, "Retitled by an editor");
    expect((await remove(claimId, theirs, { version }, { cookie: otherCookie })).status).toBe(200);
  });

  it.each([
    ["awaiting_second_review", /awaiting a second review: send it back/],
    ["verified", /verified: an editor must reopen it/],
  ] as const)("refuses every change with 403 while the claim is %s", async (status, message) => {
    const { claimId, sourceId } = await claimWithSource();
    const { version } = await database.prisma.claim.update({
      where: { id: claimId },
      data: { status },
      select: { version: true },
    });
    const before = await snapshot(claimId);
    for (const result of [
      await post(claimId, { ...REPORT, url: "https://example.org/late", version }),
      await post(claimId, { ...REPORT, url: "https://example.org/late" }),
      await patch(claimId, sourceId, { version, title: "Late" }),
      await remove(claimId, sourceId, { version }),
    ]) {
      expect(result.status).toBe(403);
      expect(result.body.error).toMatch(message);
    }
    expect(await snapshot(claimId)).toEqual(before);
  });
});

describe("unknown claims and sources", () => {
  it("answers 404 for a claim that does not exist or cannot be an id", async () => {
    for (const id of ["424242", "abc", "0", "-1", "99999999999999"]) {
      for (const result of [
        await post(id, REPORT),
        await patch(id, 1, { version: 1, title: "x" }),
        await remove(id, 1, { version: 1 }),
      ]) {
        expect(result.status).toBe(404);
        expect(result.body).toEqual({ error: expect.any(String) });
      }
    }
  });

  it("answers 404 for a source that is not on this claim", async () => {
    const { sourceId } = await claimWithSource();
    const other = await claimWithSource();
    const before = await snapshot(other.claimId);
    for (const id of [sourceId, 424242]) {
      const patched = await patch(other.claimId, id, { version: other.version, title: "Hijacked" });
      expect(patched.status).toBe(404);
      expect(patched.body.error).toMatch(`Claim #${other.claimId} has no source #${id}`);
      expect((await remove(other.claimId, id, { version: other.version })).status).toBe(404);
    }
    for (const id of ["abc", "1.5", "0"]) {
      expect((await patch(other.claimId, id, { version: other.version, title: "x" })).status).toBe(404);
      expect((await remove(other.claimId, id, { version: other.version })).status).toBe(404);
    }
    expect(await snapshot(other.claimId)).toEqual(before);
    expect((await database.prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).title).toBe("A report");
  });
});

describe("malformed input", () => {
  const huge = "x".repeat(100_000);

  it.each([
    ["broken JSON", '{"url": "https://example.org/", '],
    ["an empty body", ""],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["a JSON string", '"https://example.org/"'],
  ])("answers 400 to %s", async (_label, body) => {
    const { status, body: answer } = await post(refusedClaimId, undefined, { body });
    expect(status).toBe(400);
    expect(answer.error).toEqual(expect.any(String));
    await expectPristine(refusedClaimId);
  });

  it.each([
    ["a number as title", { ...REPORT, title: 5 }, "title"],
    ["an object as url", { ...REPORT, url: { href: "https://example.org/" } }, "url"],
    ["a list as url", { ...REPORT, url: ["https://example.org/"] }, "url"],
    ["an unknown stance", { ...REPORT, stance: "neutral" }, "stance"],
    ["a number as stance", { ...REPORT, stance: 1 }, "stance"],
    ["a boolean as publisher", { ...REPORT, publisher: true }, "publisher"],
    ["a text version", { ...REPORT, version: "latest" }, "version"],
    ["a missing title", { url: REPORT.url, stance: "context" }, "title"],
    ["a blank title", { ...REPORT, title: "   " }, "title"],
    ["a 100,000-character title", { ...REPORT, title: huge }, "title"],
    ["a 100,000-character publisher", { ...REPORT, publisher: huge }, "publisher"],
    ["a 100,000-character excerpt", { ...REPORT, excerpt: huge }, "excerpt"],
    ["a 100,000-character url", { ...REPORT, url: `https://example.org/${huge}` }, "url"],
    ["a 100,000-character archive url", { ...REPORT, archiveUrl: huge }, "archiveUrl"],
    ["an unknown field", { ...REPORT, addedById: "someone-else" }, "_"],
  ])("answers 400 to %s, naming the field", async (_label, json, field) => {
    const { status, body } = await post(refusedClaimId, json);
    expect(status).toBe(400);
    expect(Object.keys(body.fields as object)).toEqual([field]);
    await expectPristine(refusedClaimId);
  });

  it("names unknown fields in the message", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const { status, body } = await patch(claimId, sourceId, { version, claimId: 1, addedById: "x" });
    expect(status).toBe(400);
    expect(body.fields).toEqual({ _: ["Unknown field(s): claimId, addedById."] });
  });

  it("refuses wrong types and huge strings on edit too, changing nothing", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const before = await snapshot(claimId);
    for (const json of [
      { version, title: null },
      { version, title: huge },
      { version, excerpt: huge },
      { version, url: null },
      { version, stance: null },
      { version: [version], title: "x" },
      { version: true, title: "x" },
      { version: null, title: "x" },
    ]) {
      expect((await patch(claimId, sourceId, json)).status).toBe(400);
    }
    expect((await patch(claimId, sourceId, undefined, { body: "{oops" })).status).toBe(400);
    expect(await snapshot(claimId)).toEqual(before);
  });
});

describe("hostile and odd urls", () => {
  it.each(
    [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "/relative/path",
      "//evil.example/x",
      "http://localhost/x",
      "https://user:pw@example.org/",
      `https://example.org/${"a".repeat(10_000)}`,
      "https://exa mple.org/",
    ].map((url) => [url.length > 100 ? `a ${url.length}-character https url` : JSON.stringify(url), url]),
  )("refuses %s as url or archive url, storing nothing", async (_label, url) => {
    const asUrl = await post(refusedClaimId, { ...REPORT, url });
    expect(asUrl.status).toBe(400);
    expect(asUrl.body.fields).toEqual({ url: [expect.any(String)] });
    const asArchive = await post(refusedClaimId, { ...REPORT, archiveUrl: url });
    expect(asArchive.status).toBe(400);
    expect(asArchive.body.fields).toEqual({ archiveUrl: [expect.any(String)] });
    await expectPristine(refusedClaimId);
  });

  it("refuses a hostile url on edit", async () => {
    const { claimId, sourceId, version } = await claimWithSource();
    const before = await snapshot(claimId);
    for (const url of ["javascript:alert(1)", "data:text/html,x"]) {
      const { status, body } = await patch(claimId, sourceId, { version, url, archiveUrl: url });
      expect(status).toBe(400);
      expect(Object.keys(body.fields as object).sort()).toEqual(["archiveUrl", "url"]);
    }
    expect(await snapshot(claimId)).toEqual(before);
  });

  it("accepts a url wrapped in whitespace, stored trimmed", async () => {
    const claimId = freshClaimId();
    const { status, body } = await post(claimId, { ...REPORT, url: "\n\thttps://example.org/\n" });
    expect(status).toBe(201);
    expect(body.url).toBe("https://example.org/");
    expect((await snapshot(claimId)).sources[0]!.url).toBe("https://example.org/");
  });

  it("stores a unicode host as punycode, so a look-alike shows for what it is", async () => {
    const claimId = freshClaimId();
    const lookAlike = "https://\u0435xample.org/"; // Cyrillic е
    const { status, body } = await post(claimId, { ...REPORT, url: lookAlike });
    expect(status).toBe(201);
    expect(body.url).toBe(new URL(lookAlike).href);
    expect(body.url).toBe("https://xn--xample-2of.org/");
    expect((await snapshot(claimId)).sources[0]!.url).toBe("https://xn--xample-2of.org/");
  });

  it("stores markup in the text fields verbatim (pages render it as text)", async () => {
    const claimId = freshClaimId();
    const excerpt = "<script>alert(1)</script>";
    const { status, body } = await post(claimId, { ...REPORT, excerpt, title: "<img src=x onerror=alert(1)>" });
    expect(status).toBe(201);
    expect(body).toMatchObject({ excerpt, title: "<img src=x onerror=alert(1)>" });
    expect((await snapshot(claimId)).sources[0]).toMatchObject({ excerpt });
  });
});
