/**
 * The API description is a contract: every documented operation is called on a seeded database, and
 * each answer must have a documented status, the documented media type and headers, and a body that
 * its documented zod schema accepts. The response schemas are strict objects, so a field a route
 * answers that the description does not name fails here, as does a field it names that the route
 * leaves out. At the end, every documented (operation, status) must have been checked, but for those
 * this file cannot cause cheaply (listed in NOT_CAUSED_HERE, with why).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { oas31, ZodOpenApiResponseObject } from "zod-openapi";
import { API_OPERATIONS } from "@/app/api/openapi.json/document";
import type { ApiOperation } from "@/lib/api-description";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { apiRequest, DEMO, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

type PathParams = Record<"id" | "sourceId", string>;
type Route = (request: Request, params: PathParams) => Promise<Response> | Response;

const SAME_ORIGIN = "http://localhost:3000";

/** Documented statuses no test here causes, and why. */
const NOT_CAUSED_HERE: { matches: (pair: string) => boolean; why: string }[] = [
  {
    matches: (pair) => pair.endsWith(" 503"),
    why: "the database must be down: tests/integration/database-faults.test.ts stops it under the routes",
  },
  {
    matches: (pair) => pair.startsWith("POST /api/auth/") && pair.endsWith(" 403"),
    why: "Better Auth checks origins only outside tests: tests/integration/sign-in.test.ts runs as development for that",
  },
];

let database: TestDatabase;
let routes: Record<string, Route>;
let cookies: { reviewer1: string; reviewer2: string; editor: string };
let reviewer1Id: string;
let seededArticleId: string;
/** A seeded claim taken through the whole workflow: taken, sourced, proposed, approved, reopened. */
let claim: { id: string; statement: string };

/** Every "METHOD /path status" whose answer was checked against its documentation. */
const checked = new Set<string>();

const nameOf = ({ method, path }: Pick<ApiOperation, "method" | "path">) => `${method.toUpperCase()} ${path}`;

/** The file Next serves a documented path from: `{id}` is the folder `[id]`; Better Auth's catch-all serves /api/auth/*. */
function routeFileOf(path: string): string {
  const folder = path.startsWith("/api/auth/") ? "/api/auth/[...all]" : path.replace(/\{(\w+)\}/g, "[$1]");
  return `@/app${folder}/route`;
}

function operationNamed(name: string): ApiOperation {
  const found = API_OPERATIONS.find((operation) => nameOf(operation) === name);
  if (!found) throw new Error(`${name} is not documented`);
  return found;
}

beforeAll(async () => {
  database = await cloneSeededDatabase("api_contract");
  // The route handlers read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  // Each operation's handler, found from its path as Next finds it, so a new operation needs nothing here.
  routes = {};
  for (const operation of API_OPERATIONS) {
    const routeModule: Record<string, unknown> = await import(routeFileOf(operation.path));
    const handler = routeModule[operation.method.toUpperCase()];
    if (typeof handler !== "function")
      throw new Error(`${routeFileOf(operation.path)} has no ${operation.method} handler`);
    routes[nameOf(operation)] = (request, params) => handler(request, routeParams(params));
  }
  cookies = {
    reviewer1: await signInCookie(DEMO.reviewer1),
    reviewer2: await signInCookie(DEMO.reviewer2),
    editor: await signInCookie(DEMO.editor),
  };
  reviewer1Id = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } })).id;
  const seeded = await database.prisma.claim.findFirstOrThrow({
    select: { id: true, statement: true, articleId: true },
    orderBy: { id: "asc" },
  });
  claim = { id: String(seeded.id), statement: seeded.statement };
  seededArticleId = String(seeded.articleId);
});
afterAll(async () => {
  await database.drop();
});

interface Call {
  params?: Partial<PathParams>;
  query?: string;
  cookie?: string;
  json?: unknown;
  body?: string;
  origin?: string;
}

function send(name: string, call: Call): Promise<Response> | Response {
  const { path, method } = operationNamed(name);
  const params: PathParams = { id: "", sourceId: "", ...call.params };
  const url = path.replace(/\{(id|sourceId)\}/g, (_, param: keyof PathParams) => params[param]) + (call.query ?? "");
  const route = routes[name];
  if (!route) throw new Error(`${name} has no route in this test`);
  const { cookie, json, body, origin } = call;
  return route(apiRequest(url, { method: method.toUpperCase(), cookie, json, body, origin }), params);
}

/**
 * Calls the operation and holds its answer to the documentation: a documented status, its media type
 * and headers, and a body its zod schema accepts. Returns the body, parsed.
 */
async function expectAnswer(name: string, status: number, call: Call = {}): Promise<unknown> {
  const response = await send(name, call);
  const text = await response.text();
  expect(response.status, `${name}: ${text.slice(0, 500)}`).toBe(status);
  const documented: ZodOpenApiResponseObject | oas31.ReferenceObject | undefined = Object.entries(
    operationNamed(name).operation.responses,
  ).find(([documentedStatus]) => documentedStatus === String(status))?.[1];
  if (!documented || "$ref" in documented) throw new Error(`${name} does not document ${status}`);

  const headers = documented.headers;
  if (headers instanceof z.ZodObject) {
    for (const header of Object.keys(headers.shape)) {
      expect(response.headers.get(header), `${name} ${status}: header ${header}`).not.toBeNull();
    }
  }

  const [content] = Object.entries(documented.content ?? {});
  if (!content) throw new Error(`${name} ${status} documents no body`);
  const [mediaType, media] = content;
  const schema = media?.schema;
  if (!(schema instanceof z.ZodType)) throw new Error(`${name} ${status} has no zod schema`);
  expect(response.headers.get("content-type"), `${name} ${status}`).toContain(mediaType);
  const body: unknown = mediaType === "text/csv" ? text : JSON.parse(text);
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${name} ${status}: ${parsed.error ? z.prettifyError(parsed.error) : ""}`).toBe(true);
  checked.add(`${name} ${status}`);
  return body;
}

const versioned = z.object({ version: z.int() });
const withId = z.object({ id: z.int() });
const sourceChange = z.object({ id: z.int(), claimVersion: z.int() });

async function claimVersion(): Promise<number> {
  return versioned.parse(await expectAnswer("GET /api/claims/{id}", 200, { params: claim, cookie: cookies.reviewer1 }))
    .version;
}

describe("the public operations", () => {
  it("answers the health check and this description", async () => {
    expect(await expectAnswer("GET /api/health", 200)).toEqual({ status: "ok" });
    expect(await expectAnswer("GET /api/openapi.json", 200)).toMatchObject({ openapi: "3.1.0" });
  });
});

describe("signing in and out", () => {
  const signIn = (json: unknown) => ({ json, origin: SAME_ORIGIN });

  it("signs in, and refuses a wrong password and a body that is no sign-in", async () => {
    await expectAnswer("POST /api/auth/sign-in/email", 200, signIn({ email: DEMO.admin, password: DEMO_PASSWORD }));
    await expectAnswer(
      "POST /api/auth/sign-in/email",
      401,
      signIn({ email: "nobody@example.org", password: "not-the-password" }),
    );
    await expectAnswer("POST /api/auth/sign-in/email", 400, signIn({ email: "not an address", password: "x" }));
  });

  it("refuses attempts after five failures for one email, saying when to retry", async () => {
    const email = "throttled@example.org";
    for (let attempt = 0; attempt < 5; attempt++) {
      await expectAnswer("POST /api/auth/sign-in/email", 401, signIn({ email, password: `wrong-${attempt}` }));
    }
    await expectAnswer("POST /api/auth/sign-in/email", 429, signIn({ email, password: "wrong-again" }));
  });

  it("signs out", async () => {
    const cookie = await signInCookie(DEMO.admin);
    expect(await expectAnswer("POST /api/auth/sign-out", 200, { cookie, origin: SAME_ORIGIN })).toEqual({
      success: true,
    });
  });
});

describe("reading", () => {
  it("lists and reads articles, their suggestions and their (not yet) published fact-checks", async () => {
    const cookie = cookies.reviewer1;
    await expectAnswer("GET /api/articles", 200, { cookie });
    await expectAnswer("GET /api/articles/{id}", 200, { params: { id: seededArticleId }, cookie });
    const suggested = await expectAnswer("GET /api/articles/{id}/suggestions", 200, {
      params: { id: seededArticleId },
      cookie,
    });
    expect(z.object({ items: z.array(z.unknown()).nonempty() }).safeParse(suggested).success).toBe(true);
    expect(await expectAnswer("GET /api/articles/{id}/claimreview", 200, { params: { id: seededArticleId } })).toEqual(
      [],
    );
  });

  it("lists claims by page and by cursor, exports them, and reads one", async () => {
    const cookie = cookies.reviewer1;
    const firstPage = z
      .object({ nextCursor: z.string() })
      .parse(await expectAnswer("GET /api/claims", 200, { query: "?pageSize=2&q=Mali", cookie }));
    const byCursor = await expectAnswer("GET /api/claims", 200, {
      query: `?pageSize=2&cursor=${encodeURIComponent(firstPage.nextCursor)}`,
      cookie,
    });
    expect(byCursor).toMatchObject({ page: null });
    expect(await expectAnswer("GET /api/claims/export.csv", 200, { query: "?status=unreviewed", cookie })).toMatch(
      /^id,article,/,
    );
    await expectAnswer("GET /api/claims/{id}", 200, { params: claim, cookie });
  });
});

describe("the work on a claim, from taking it to correcting it", () => {
  const reviewer = () => ({ params: claim, cookie: cookies.reviewer1 });
  let sourceId: string;
  let importedArticleId: string;
  /** A claim of an imported article that repeats `claim`: marked as its duplicate. */
  let repeat: { id: string };

  it("takes and starts the claim; a stale version is a 409 with the current values and the last change", async () => {
    const version = await claimVersion();
    await expectAnswer("PATCH /api/claims/{id}", 200, { ...reviewer(), json: { version, assigneeId: reviewer1Id } });
    const conflict = await expectAnswer("PATCH /api/claims/{id}", 409, {
      ...reviewer(),
      json: { version, status: "in_progress" },
    });
    expect(conflict).toMatchObject({ current: { version: version + 1 }, lastChange: { action: "assigned" } });
    await expectAnswer("PATCH /api/claims/{id}", 403, {
      params: claim,
      cookie: cookies.reviewer2,
      json: { version: version + 1, verdict: "false" },
    });
    await expectAnswer("PATCH /api/claims/{id}", 200, {
      ...reviewer(),
      json: { version: version + 1, status: "in_progress" },
    });
  });

  it("attaches, edits and removes sources, each at the claim's version", async () => {
    const added = sourceChange.parse(
      await expectAnswer("POST /api/claims/{id}/sources", 201, {
        ...reviewer(),
        json: { url: "https://example.org/report", title: "A report", stance: "supports" },
      }),
    );
    sourceId = String(added.id);
    const stale = added.claimVersion - 1;
    const report = { url: "https://example.org/other", title: "Another", stance: "context", version: stale };
    await expectAnswer("POST /api/claims/{id}/sources", 409, { ...reviewer(), json: report });
    await expectAnswer("PATCH /api/claims/{id}/sources/{sourceId}", 409, {
      params: { ...claim, sourceId },
      cookie: cookies.reviewer1,
      json: { version: stale, title: "Renamed" },
    });
    await expectAnswer("PATCH /api/claims/{id}/sources/{sourceId}", 404, {
      params: { ...claim, sourceId: "999999" },
      cookie: cookies.reviewer1,
      json: { version: added.claimVersion, title: "Renamed" },
    });
    const edited = sourceChange.parse(
      await expectAnswer("PATCH /api/claims/{id}/sources/{sourceId}", 200, {
        params: { ...claim, sourceId },
        cookie: cookies.reviewer1,
        json: { version: added.claimVersion, title: "The report", archiveUrl: "https://archive.example.org/report" },
      }),
    );
    const second = sourceChange.parse(
      await expectAnswer("POST /api/claims/{id}/sources", 201, {
        ...reviewer(),
        json: { ...report, version: edited.claimVersion },
      }),
    );
    const secondSource = { ...claim, sourceId: String(second.id) };
    await expectAnswer("DELETE /api/claims/{id}/sources/{sourceId}", 409, {
      params: secondSource,
      cookie: cookies.reviewer1,
      json: { version: edited.claimVersion },
    });
    await expectAnswer("DELETE /api/claims/{id}/sources/{sourceId}", 200, {
      params: secondSource,
      cookie: cookies.reviewer1,
      json: { version: second.claimVersion },
    });
  });

  it("proposes a verdict, which its proposer cannot approve and someone else does", async () => {
    const edited = versioned.parse(
      await expectAnswer("PATCH /api/claims/{id}", 200, {
        ...reviewer(),
        json: {
          version: await claimVersion(),
          verdict: "mostly_true",
          rationale: "The report gives the same figure for the same period.",
        },
      }),
    );
    const proposed = versioned.parse(
      await expectAnswer("PATCH /api/claims/{id}", 200, {
        ...reviewer(),
        json: { version: edited.version, status: "awaiting_second_review" },
      }),
    );
    const { version } = proposed;
    await expectAnswer("POST /api/claims/{id}/review", 403, { ...reviewer(), json: { version, decision: "approve" } });
    await expectAnswer("POST /api/claims/{id}/review", 409, {
      params: claim,
      cookie: cookies.reviewer2,
      json: { version: version - 1, decision: "approve" },
    });
    const approved = await expectAnswer("POST /api/claims/{id}/review", 200, {
      params: claim,
      cookie: cookies.reviewer2,
      json: { version, decision: "approve" },
    });
    expect(approved).toMatchObject({ status: "verified", verifiedBy: { name: expect.any(String) } });
  });

  it("publishes the verified claim as a ClaimReview, alone and with its article's", async () => {
    await expectAnswer("GET /api/claims/{id}/claimreview", 200, { params: claim });
    const reviews = await expectAnswer("GET /api/articles/{id}/claimreview", 200, { params: { id: seededArticleId } });
    expect(reviews).toHaveLength(1);
  });

  it("embeds the verified claim through oEmbed, and nothing else", async () => {
    const url = (id: string) => `?url=${encodeURIComponent(`${SAME_ORIGIN}/fact-checks/${id}`)}`;
    expect(await expectAnswer("GET /api/oembed", 200, { query: `${url(claim.id)}&maxwidth=400` })).toMatchObject({
      type: "rich",
      width: 400,
    });
    await expectAnswer("GET /api/oembed", 404, { query: url("999999") });
    await expectAnswer("GET /api/oembed", 400, { query: "?url=nowhere" });
    await expectAnswer("GET /api/oembed", 501, { query: `${url(claim.id)}&format=xml` });
  });

  it("imports an article that repeats the claim, dismisses a suggestion and claims the repeat", async () => {
    const body = `${claim.statement}\n\nA second paragraph, with nothing to check.`;
    const imported = await expectAnswer("POST /api/articles", 201, {
      cookie: cookies.editor,
      json: { title: "The same claim again", language: "en", body },
    });
    importedArticleId = String(withId.parse(imported).id);
    const article = { params: { id: importedArticleId }, cookie: cookies.editor };
    await expectAnswer("POST /api/articles/{id}/suggestions/dismissals", 201, {
      ...article,
      json: { startOffset: claim.statement.length + 2, endOffset: body.length },
    });
    const created = await expectAnswer("POST /api/articles/{id}/claims", 201, {
      ...article,
      json: { startOffset: 0, endOffset: claim.statement.length, statement: claim.statement, topic: "Repeats" },
    });
    repeat = { id: String(withId.parse(created).id) };
  });

  it("finds the verified claim as the repeat's earlier fact-check, marks it and starts from it", async () => {
    const asReviewer = { params: repeat, cookie: cookies.reviewer1 };
    const similar = await expectAnswer("GET /api/claims/{id}/similar", 200, asReviewer);
    expect(similar).toMatchObject({ items: [{ id: Number(claim.id) }] });
    const started = versioned.parse(
      await expectAnswer("PATCH /api/claims/{id}", 200, {
        ...asReviewer,
        json: { version: 1, status: "in_progress" },
      }),
    );
    const mark = { duplicateOfId: Number(claim.id) };
    await expectAnswer("PUT /api/claims/{id}/duplicate", 409, {
      ...asReviewer,
      json: { ...mark, version: started.version - 1 },
    });
    const marked = versioned.parse(
      await expectAnswer("PUT /api/claims/{id}/duplicate", 200, {
        ...asReviewer,
        json: { ...mark, version: started.version },
      }),
    );
    const take = ["verdict", "sources"];
    await expectAnswer("POST /api/claims/{id}/duplicate/start", 409, {
      ...asReviewer,
      json: { take, version: marked.version - 1 },
    });
    const took = await expectAnswer("POST /api/claims/{id}/duplicate/start", 200, {
      ...asReviewer,
      json: { take, version: marked.version },
    });
    expect(took).toMatchObject({ verdict: "mostly_true", duplicateOf: { id: Number(claim.id) }, sources: [{}] });
  });

  it("reopens the verified claim for a correction, for editors only", async () => {
    const version = await claimVersion();
    const reason = { reason: "A newer report revises the figure." };
    await expectAnswer("POST /api/claims/{id}/reopen", 403, { ...reviewer(), json: { ...reason, version } });
    const asEditor = { params: claim, cookie: cookies.editor };
    await expectAnswer("POST /api/claims/{id}/reopen", 409, { ...asEditor, json: { ...reason, version: version - 1 } });
    const reopened = await expectAnswer("POST /api/claims/{id}/reopen", 200, {
      ...asEditor,
      json: { ...reason, version },
    });
    expect(reopened).toMatchObject({ status: "in_progress", corrections: [{ resolvedAt: null }] });
  });
});

describe("retracting a published fact-check", () => {
  it("retracts it for editors only, after which its ClaimReview is gone (410)", async () => {
    const published = await database.prisma.claim.findFirstOrThrow({
      where: { status: "unreviewed" },
      orderBy: { id: "asc" },
      skip: 5,
    });
    const { version } = await database.prisma.claim.update({
      where: { id: published.id },
      data: {
        status: "verified",
        verdict: "false",
        rationale: "No report gives this figure for that year.",
        verifiedAt: new Date(),
        version: { increment: 1 },
      },
    });
    const params = { id: String(published.id) };
    const reason = { reason: "The report our verdict relied on was withdrawn." };
    await expectAnswer("POST /api/claims/{id}/retract", 403, {
      params,
      cookie: cookies.reviewer1,
      json: { ...reason, version },
    });
    await expectAnswer("POST /api/claims/{id}/retract", 409, {
      params,
      cookie: cookies.editor,
      json: { ...reason, version: version - 1 },
    });
    const retracted = await expectAnswer("POST /api/claims/{id}/retract", 200, {
      params,
      cookie: cookies.editor,
      json: { ...reason, version },
    });
    expect(retracted).toMatchObject({ status: "verified", retractionReason: reason.reason });
    await expectAnswer("GET /api/claims/{id}/claimreview", 410, { params });
  });
});

describe("changing claims in bulk", () => {
  it("files two claims under a topic at once; a stale version is a 409 naming the claims", async () => {
    const claims = await database.prisma.claim.findMany({
      select: { id: true, version: true },
      orderBy: { id: "desc" },
      take: 2,
    });
    const filed = await expectAnswer("POST /api/claims/bulk", 200, {
      cookie: cookies.editor,
      json: { action: "set_topic", topic: "Filed in bulk", items: claims },
    });
    expect(filed).toMatchObject({ claims: [{ changed: true }, { changed: true }] });
    const conflict = await expectAnswer("POST /api/claims/bulk", 409, {
      cookie: cookies.editor,
      json: { action: "release", items: claims },
    });
    expect(conflict).toMatchObject({
      conflicts: claims.map(({ id, version }) => ({ id, version: version + 1 })).reverse(),
    });
  });
});

/** Each operation that documents a status, for the statuses any request can cause without state. */
function documenting(status: string): ApiOperation[] {
  return API_OPERATIONS.filter(
    ({ path, operation }) => !path.startsWith("/api/auth/") && status in operation.responses,
  );
}

describe("the refusals every route shares", () => {
  // Any well-formed ids: these refusals come before anything is looked up.
  const params = { id: "1", sourceId: "1" };

  it("answers 401 without a session", async () => {
    for (const operation of documenting("401")) await expectAnswer(nameOf(operation), 401, { params });
  });

  it("answers 404 for a malformed id", async () => {
    for (const operation of documenting("404").filter(({ path }) => path.includes("{"))) {
      await expectAnswer(nameOf(operation), 404, { params: { id: "abc", sourceId: "abc" }, cookie: cookies.editor });
    }
  });

  it("answers 400 for an unknown field or query parameter", async () => {
    for (const operation of documenting("400")) {
      await expectAnswer(nameOf(operation), 400, {
        params,
        cookie: cookies.editor,
        ...(operation.method === "get" ? { query: "?sort=nowhere" } : { json: { unknownField: true } }),
      });
    }
  });

  it("answers 403 to a write sent from another site", async () => {
    for (const operation of documenting("403")) {
      await expectAnswer(nameOf(operation), 403, {
        params,
        cookie: cookies.editor,
        origin: "https://elsewhere.example",
        json: {},
      });
    }
  });

  it("answers 413 to a body over 1 MB", async () => {
    for (const operation of documenting("413")) {
      await expectAnswer(nameOf(operation), 413, { params, cookie: cookies.editor, body: "x".repeat(1_000_001) });
    }
  });
});

describe("the coverage of the description", () => {
  it("checked every documented answer but those it cannot cause", () => {
    const documented = API_OPERATIONS.flatMap((operation) =>
      Object.keys(operation.operation.responses).map((status) => `${nameOf(operation)} ${status}`),
    );
    const uncaused = documented.filter((pair) => !NOT_CAUSED_HERE.some(({ matches }) => matches(pair)));
    expect(uncaused.filter((pair) => !checked.has(pair))).toEqual([]);
  });
});
