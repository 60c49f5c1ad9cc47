/**
 * The authorisation matrix: every route and every Server Action, found on disk, against five actors
 * (anonymous, reviewer, editor, admin, and a deactivated admin). A route, page, metadata file or
 * action the matrix does not list fails the test, and so does a listed one that no longer exists.
 *
 * How each kind is exercised, in process, against a real PostgreSQL (nothing of the database is mocked):
 * - Route handlers: called with a Request as a client sends it (the cookie a real sign-in set).
 * - Pages: Server Components cannot be rendered outside Next, so a page is checked at its two gates.
 *   The proxy (proxy.ts): Next's own matcher code says whether it runs on the path, and the proxy is
 *   called with the request. Then the page itself: its default export is called with `next/headers`
 *   answering the actor's cookie (the request scope Next would provide); its guard either lets it
 *   return its element tree, or throws Next's redirect (to sign-in) or forbidden (403). The markup
 *   is covered by Playwright (e2e/), against the built app.
 * - Server Actions: called as Next calls them, (previous state, FormData), with `next/headers`
 *   answering the actor's cookie; `next/cache`'s revalidatePath, which needs Next's render store,
 *   is a spy. Next's own cross-origin check for actions (Origin must match Host) runs before the
 *   action is even looked up, so it is checked in e2e/security-headers.spec.ts, not here.
 * Every refusal must also leave the database as it was (a digest of every claim, source, event,
 * correction, user and account row, and the number of sessions).
 *
 * The file runs as production does (NODE_ENV=production): Better Auth reads NODE_ENV once, when it
 * loads, and under "test" (or with TEST set, as Vitest does) it skips its origin check and its
 * cookies are not Secure.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { isValidElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/domains/users/roles";
import { type ActionState, IDLE_STATE } from "@/lib/action-state";
import nextConfig from "@/next.config.js";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { config as proxyConfig, proxy } from "@/proxy";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const requestScope = await vi.hoisted(async () => {
  // React first, in its development build: Vitest compiles JSX for the development runtime.
  await Promise.all([import("react"), import("react/jsx-dev-runtime"), import("react-dom")]);
  Object.assign(process.env, {
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: "authorization-matrix-secret-0123456789abcdef",
  });
  delete process.env.TEST;
  // Next's server sets this global before loading its modules; its testing helpers need it too.
  Object.assign(globalThis, { AsyncLocalStorage: (await import("node:async_hooks")).AsyncLocalStorage });
  const { ResponseCookies } = await import("next/dist/server/web/spec-extension/cookies");
  return { headers: new Headers(), cookies: new ResponseCookies(new Headers()) };
});
vi.mock("next/headers", () => ({
  headers: async () => requestScope.headers,
  cookies: async () => requestScope.cookies,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const ORIGIN = "http://localhost:3000";
const FOREIGN_ORIGINS = ["https://evil.example", "http://localhost:3000.evil.example", "null"];

const ACTORS = ["anonymous", "reviewer", "editor", "admin", "deactivated"] as const;
type ActorName = (typeof ACTORS)[number];
type Expected<T> = Record<ActorName, T>;

function signedIn<T>(allowed: T, refused: T): Expected<T> {
  return { anonymous: refused, reviewer: allowed, editor: allowed, admin: allowed, deactivated: refused };
}
function everyone<T>(outcome: T): Expected<T> {
  return { anonymous: outcome, reviewer: outcome, editor: outcome, admin: outcome, deactivated: outcome };
}
function editorsOnly<T>(allowed: T, forbidden: T, refused: T): Expected<T> {
  return { anonymous: refused, reviewer: forbidden, editor: allowed, admin: allowed, deactivated: refused };
}
function adminsOnly<T>(allowed: T, forbidden: T, refused: T): Expected<T> {
  return { anonymous: refused, reviewer: forbidden, editor: forbidden, admin: allowed, deactivated: refused };
}

// ---------------------------------------------------------------------------------------------
// What is on disk

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function appFiles(): string[] {
  return readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" }).map((file) =>
    path.posix.join("app", file.split(path.sep).join("/")),
  );
}

/** The URL pattern of a page or route file: route groups "(x)" vanish, private folders "_x" are no route. */
function urlPatternOf(file: string): string | null {
  const segments = path.posix.dirname(file).split("/").slice(1);
  if (segments.some((segment) => segment.startsWith("_"))) return null;
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

function pageFiles(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of appFiles().filter((name) => /(^|\/)page\.(tsx|ts|jsx|js|mdx)$/.test(name))) {
    const pattern = urlPatternOf(file);
    if (pattern) pages.set(pattern, file);
  }
  return pages;
}

function routeFiles(): Map<string, string> {
  const routes = new Map<string, string>();
  for (const file of appFiles().filter((name) => /(^|\/)route\.(ts|js|tsx|jsx)$/.test(name))) {
    const pattern = urlPatternOf(file);
    if (pattern) routes.set(pattern, file);
  }
  return routes;
}

const METADATA_FILE =
  /(^|\/)(robots|sitemap|manifest|favicon|icon\d*|apple-icon\d*|opengraph-image\d*|twitter-image\d*)\.\w+$/;

/** Files only: a route handler's folder may be named like one (app/sitemap.xml/route.ts is a route). */
function metadataFiles(): string[] {
  return appFiles().filter((name) => METADATA_FILE.test(name) && statSync(path.join(ROOT, name)).isFile());
}

const USE_SERVER = /^\s*["']use server["'];?\s*$/m;

/** Every file with a "use server" directive, in the folders that hold code. */
function serverActionFiles(): { file: string; moduleLevel: boolean }[] {
  const found: { file: string; moduleLevel: boolean }[] = [];
  for (const folder of ["app", "components", "domains", "lib"]) {
    for (const name of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })) {
      const file = path.posix.join(folder, name.split(path.sep).join("/"));
      if (!/\.(ts|tsx|js|jsx)$/.test(file) || file.startsWith("lib/generated/")) continue;
      const text = readFileSync(path.join(ROOT, file), "utf8");
      if (!USE_SERVER.test(text)) continue;
      const firstStatement = text.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
      found.push({ file, moduleLevel: /^["']use server["']/.test(firstStatement) });
    }
  }
  return found;
}

/** Route params of a concrete path, read against its pattern ("/api/claims/[id]" and "/api/claims/7" give { id: "7" }). */
function paramsOf(pattern: string, pathname: string): Record<string, string | string[]> {
  const names = pattern.split("/");
  const values = pathname.split("/");
  const params: Record<string, string | string[]> = {};
  names.forEach((name, index) => {
    const catchAll = /^\[\.\.\.(.+)\]$/.exec(name);
    if (catchAll) params[catchAll[1]!] = values.slice(index);
    else if (/^\[.+\]$/.test(name)) params[name.slice(1, -1)] = values[index]!;
  });
  return params;
}

// ---------------------------------------------------------------------------------------------
// Actors, claims in each state, and the database digest

let database: TestDatabase;
let claims: typeof import("@/domains/claims/mutations");
let sources: typeof import("@/domains/sources/mutations");
let duplicates: typeof import("@/domains/claims/duplicates-mutations");
let claimSchemas: typeof import("@/domains/claims/schema");
let sourceSchemas: typeof import("@/domains/sources/schema");

const DEACTIVATED_EMAIL = "dana.deactivated@example.org";
const TARGET_EMAIL = "tom.target@example.org";
const OTHER_PASSWORD = "matrix-password-0123456789";
const RATIONALE = "The cited report gives the same figure for the same year.";

const people = {} as Record<"reviewer1" | "reviewer2" | "editor" | "admin" | "dana" | "tom", CurrentUser>;
const cookies = {} as Record<Exclude<ActorName, "anonymous">, string>;

function userOf(actor: ActorName): CurrentUser | null {
  if (actor === "anonymous") return null;
  return { reviewer: people.reviewer1, editor: people.editor, admin: people.admin, deactivated: people.dana }[actor];
}
/** Whom a claim is assigned to when the actor should work on their own: someone active for those refused anyway. */
function workerFor(actor: ActorName): CurrentUser {
  return actor === "anonymous" || actor === "deactivated" ? people.reviewer2 : userOf(actor)!;
}
function cookieOf(actor: ActorName): string | undefined {
  return actor === "anonymous" ? undefined : cookies[actor];
}
function credentialsOf(actor: ActorName): { email: string; password: string } {
  const email = {
    anonymous: DEMO.reviewer2,
    reviewer: DEMO.reviewer1,
    editor: DEMO.editor,
    admin: DEMO.admin,
    deactivated: DEACTIVATED_EMAIL,
  }[actor];
  return { email, password: actor === "deactivated" ? OTHER_PASSWORD : DEMO_PASSWORD };
}

let unusedClaims: number[] = [];
let articleId: number;
let verifiedForEveryone: { id: number };
let proposedByDana: { id: number };

let spanCounter = 0;
/** A span of the seeded article no claim covers exactly yet: for new claims and dismissed suggestions. */
function freshSpan(): { startOffset: number; endOffset: number } {
  spanCounter += 1;
  return { startOffset: spanCounter, endOffset: spanCounter + 40 };
}

function freshClaim(): number {
  const id = unusedClaims.shift();
  if (id === undefined)
    throw new Error("The matrix ran out of fresh claims: copy the seeded article once more in beforeAll.");
  return id;
}

async function versionOf(claimId: number): Promise<number> {
  return (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

/** In progress, assigned to the worker, with one source. */
async function openClaim(worker: CurrentUser): Promise<{ id: number; sourceId: number }> {
  const id = freshClaim();
  await claims.updateClaim(
    worker,
    id,
    claimSchemas.claimPatchSchema.parse({ version: 1, assigneeId: worker.id, status: "in_progress" }),
  );
  const { source } = await sources.addSource(
    worker,
    id,
    sourceSchemas.newSourceSchema.parse({
      url: `https://example.org/matrix/${id}`,
      title: "Matrix evidence",
      stance: "supports",
    }),
  );
  return { id, sourceId: source.id };
}

async function proposedClaim(proposer: CurrentUser): Promise<{ id: number; sourceId: number }> {
  const claim = await openClaim(proposer);
  await claims.updateClaim(
    proposer,
    claim.id,
    claimSchemas.claimPatchSchema.parse({
      version: await versionOf(claim.id),
      verdict: "mostly_true",
      rationale: RATIONALE,
      status: "awaiting_second_review",
    }),
  );
  return claim;
}

/** In progress, assigned to the worker, marked as a duplicate of the verified claim everyone can see. */
async function duplicateClaim(worker: CurrentUser): Promise<{ id: number; sourceId: number }> {
  const claim = await openClaim(worker);
  await duplicates.linkDuplicate(
    worker,
    claim.id,
    claimSchemas.duplicateLinkSchema.parse({
      version: await versionOf(claim.id),
      duplicateOfId: verifiedForEveryone.id,
    }),
  );
  return claim;
}

async function verifiedClaim(): Promise<{ id: number; sourceId: number }> {
  const claim = await proposedClaim(people.reviewer2);
  await claims.reviewClaim(
    people.editor,
    claim.id,
    claimSchemas.reviewSchema.parse({ version: await versionOf(claim.id), decision: "approve" }),
  );
  return claim;
}

/** Everything a write could change; sign-in failures (the throttle's own bookkeeping) are left out. */
async function databaseDigest(): Promise<string> {
  const [row] = await database.prisma.$queryRaw<{ digest: string }[]>`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(r::text, ',' ORDER BY r.id) FROM "Article" r),
      (SELECT string_agg(c::text, ',' ORDER BY c.id) FROM "Claim" c),
      (SELECT string_agg(d::text, ',' ORDER BY d.id) FROM "SuggestionDismissal" d),
      (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM "Source" s),
      (SELECT string_agg(e::text, ',' ORDER BY e.id) FROM "ClaimEvent" e),
      (SELECT string_agg(k::text, ',' ORDER BY k.id) FROM "Correction" k),
      (SELECT string_agg(u::text, ',' ORDER BY u.id) FROM "User" u),
      (SELECT string_agg(a::text, ',' ORDER BY a.id) FROM "Account" a),
      (SELECT count(*)::text FROM "Session")
    )) AS digest`;
  return row!.digest;
}

/** More copies of the seeded article and its claims, so every case gets claims nobody touched. */
async function copySeededArticle(times: number): Promise<void> {
  const article = await database.prisma.article.findFirstOrThrow({ include: { claims: true } });
  for (let copy = 1; copy <= times; copy++) {
    const {
      title,
      url,
      publisher,
      issue,
      author,
      credit,
      publishedAt,
      language,
      body,
      claims: articleClaims,
    } = article;
    const created = await database.prisma.article.create({
      data: {
        title,
        url,
        publisher,
        issue,
        author,
        credit,
        publishedAt,
        language,
        body,
        slug: `${article.slug}-matrix-${copy}`,
      },
    });
    await database.prisma.claim.createMany({
      data: articleClaims.map((claim) => ({
        articleId: created.id,
        quote: claim.quote,
        startOffset: claim.startOffset,
        endOffset: claim.endOffset,
        statement: claim.statement,
        topic: claim.topic,
        attributedTo: claim.attributedTo,
      })),
    });
  }
}

beforeAll(async () => {
  database = await cloneSeededDatabase("authorization-matrix");
  process.env.DATABASE_URL = database.url;
  if (nextConfig.experimental?.authInterrupts) process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  claims = await import("@/domains/claims/mutations");
  sources = await import("@/domains/sources/mutations");
  duplicates = await import("@/domains/claims/duplicates-mutations");
  claimSchemas = await import("@/domains/claims/schema");
  sourceSchemas = await import("@/domains/sources/schema");
  const users = await import("@/domains/users/mutations");

  const select = { id: true, name: true, email: true, role: true } as const;
  const byEmail = (email: string) => database.prisma.user.findUniqueOrThrow({ where: { email }, select });
  people.reviewer1 = await byEmail(DEMO.reviewer1);
  people.reviewer2 = await byEmail(DEMO.reviewer2);
  people.editor = await byEmail(DEMO.editor);
  people.admin = await byEmail(DEMO.admin);
  await users.createUser(people.admin, {
    name: "Dana Deactivated",
    email: DEACTIVATED_EMAIL,
    role: "admin",
    password: OTHER_PASSWORD,
  });
  await users.createUser(people.admin, {
    name: "Tom Target",
    email: TARGET_EMAIL,
    role: "reviewer",
    password: OTHER_PASSWORD,
  });
  people.dana = await byEmail(DEACTIVATED_EMAIL);
  people.tom = await byEmail(TARGET_EMAIL);

  await copySeededArticle(4);
  articleId = (await database.prisma.article.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  unusedClaims = (await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (claim) => claim.id,
  );
  verifiedForEveryone = await verifiedClaim();
  // Dana proposes while still active, so that her attempt to approve it later is a real case.
  proposedByDana = await proposedClaim(people.dana);

  cookies.reviewer = await signInCookie(DEMO.reviewer1);
  cookies.editor = await signInCookie(DEMO.editor);
  cookies.admin = await signInCookie(DEMO.admin);
  cookies.deactivated = await signInCookie(DEACTIVATED_EMAIL, OTHER_PASSWORD);
  // Only the flag: her session row stays, so what refuses her below is the check of `active` on
  // every request, not the deletion of sessions that deactivating her in the app also does.
  await database.prisma.user.update({ where: { id: people.dana.id }, data: { active: false } });
});

afterAll(async () => {
  await database?.drop();
});

// ---------------------------------------------------------------------------------------------
// Route handlers

interface ApiCall {
  path: string;
  json?: unknown;
}
interface ApiCase {
  what: string;
  expect: Expected<number>;
  call: (actor: ActorName) => Promise<ApiCall>;
  /** What an allowed call must have done, or returned. */
  allowed?: (actor: ActorName, response: Response, call: ApiCall) => Promise<void>;
}

const claimPath = (id: number, rest = "") => `/api/claims/${id}${rest}`;

const API_MATRIX: Record<string, ApiCase[]> = {
  "GET /api/articles": [
    { what: "list the articles", expect: signedIn(200, 401), call: async () => ({ path: "/api/articles" }) },
  ],
  "GET /api/articles/[id]": [
    { what: "read an article", expect: signedIn(200, 401), call: async () => ({ path: `/api/articles/${articleId}` }) },
  ],
  "POST /api/articles": [
    {
      what: "add an article",
      expect: editorsOnly(201, 403, 401),
      call: async (actor) => ({
        path: "/api/articles",
        json: {
          title: `An article added by ${actor}`,
          language: "en",
          body: "The first paragraph.\n\nThe second paragraph.",
        },
      }),
    },
  ],
  "POST /api/articles/[id]/claims": [
    {
      what: "add a claim to an article",
      expect: editorsOnly(201, 403, 401),
      call: async () => ({
        path: `/api/articles/${articleId}/claims`,
        json: { ...freshSpan(), statement: "A statement the matrix adds as a claim.", topic: "Matrix" },
      }),
    },
  ],
  "GET /api/articles/[id]/suggestions": [
    {
      what: "list an article's suggested claims",
      expect: signedIn(200, 401),
      call: async () => ({ path: `/api/articles/${articleId}/suggestions` }),
    },
  ],
  "POST /api/articles/[id]/suggestions/dismissals": [
    {
      what: "dismiss a suggestion",
      expect: editorsOnly(201, 403, 401),
      call: async () => ({ path: `/api/articles/${articleId}/suggestions/dismissals`, json: freshSpan() }),
    },
  ],
  "GET /api/articles/[id]/claimreview": [
    {
      what: "read an article's published ClaimReviews (public)",
      expect: everyone(200),
      call: async () => ({ path: `/api/articles/${articleId}/claimreview` }),
    },
  ],
  "GET /api/claims": [
    { what: "list claims", expect: signedIn(200, 401), call: async () => ({ path: "/api/claims?pageSize=5" }) },
  ],
  "GET /api/claims/export.csv": [
    {
      what: "export the list",
      expect: signedIn(200, 401),
      call: async () => ({ path: "/api/claims/export.csv?status=verified" }),
    },
  ],
  "GET /api/claims/[id]": [
    {
      what: "read a claim",
      expect: signedIn(200, 401),
      call: async () => ({ path: claimPath(verifiedForEveryone.id) }),
    },
  ],
  "GET /api/claims/[id]/claimreview": [
    {
      what: "read a verified claim's ClaimReview (public)",
      expect: everyone(200),
      call: async () => ({ path: claimPath(verifiedForEveryone.id, "/claimreview") }),
    },
  ],
  "GET /api/openapi.json": [
    {
      what: "read the API description (public)",
      expect: everyone(200),
      call: async () => ({ path: "/api/openapi.json" }),
    },
  ],
  "GET /api/health": [
    {
      what: "check the app and its database answer (public)",
      expect: everyone(200),
      call: async () => ({ path: "/api/health" }),
    },
  ],
  "GET /api/oembed": [
    {
      what: "read the oEmbed of a published fact-check (public)",
      expect: everyone(200),
      call: async () => ({
        path: `/api/oembed?url=${encodeURIComponent(`${ORIGIN}/fact-checks/${verifiedForEveryone.id}`)}`,
      }),
    },
  ],
  // The readers' feeds and the sitemaps: route handlers outside /api, public like the pages they list.
  "GET /fact-checks/feed.xml": [
    {
      what: "read the Atom feed (public)",
      expect: everyone(200),
      call: async () => ({ path: "/fact-checks/feed.xml" }),
    },
  ],
  "GET /fact-checks/feed.json": [
    {
      what: "read the JSON Feed (public)",
      expect: everyone(200),
      call: async () => ({ path: "/fact-checks/feed.json" }),
    },
  ],
  "GET /sitemap.xml": [
    { what: "read the sitemap index (public)", expect: everyone(200), call: async () => ({ path: "/sitemap.xml" }) },
  ],
  "GET /sitemaps/[file]": [
    {
      what: "read a sitemap of fact-checks (public)",
      expect: everyone(200),
      call: async () => ({ path: "/sitemaps/fact-checks-1.xml" }),
    },
  ],
  "PATCH /api/claims/[id]": [
    {
      what: "take an unassigned claim",
      expect: signedIn(200, 401),
      call: async (actor) => ({
        path: claimPath(freshClaim()),
        json: { version: 1, assigneeId: (userOf(actor) ?? people.reviewer2).id },
      }),
      allowed: async (actor, _response, call) => {
        const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(call.path.split("/")[3]) } });
        expect(claim.assigneeId).toBe(userOf(actor)!.id);
      },
    },
    {
      what: "assign a claim to someone else",
      expect: editorsOnly(200, 403, 401),
      call: async () => ({ path: claimPath(freshClaim()), json: { version: 1, assigneeId: people.reviewer2.id } }),
    },
  ],
  "POST /api/claims/bulk": [
    {
      what: "assign several claims to someone at once",
      expect: editorsOnly(200, 403, 401),
      call: async () => ({
        path: "/api/claims/bulk",
        json: {
          action: "assign",
          items: [freshClaim(), freshClaim()].map((id) => ({ id, version: 1 })),
          assigneeId: people.reviewer2.id,
        },
      }),
      allowed: async (_actor, _response, call) => {
        const { items } = call.json as { items: { id: number }[] };
        const assigned = await database.prisma.claim.findMany({ where: { id: { in: items.map((item) => item.id) } } });
        expect(assigned.map((claim) => claim.assigneeId)).toEqual([people.reviewer2.id, people.reviewer2.id]);
      },
    },
  ],
  "POST /api/claims/[id]/review": [
    {
      what: "approve someone else's proposal",
      expect: signedIn(200, 401),
      call: async () => {
        const { id } = await proposedClaim(people.reviewer2);
        return { path: claimPath(id, "/review"), json: { version: await versionOf(id), decision: "approve" } };
      },
      allowed: async (actor, response) => {
        expect(await response.json()).toMatchObject({ status: "verified", verifiedBy: { id: userOf(actor)!.id } });
      },
    },
    {
      what: "approve one's own proposal",
      expect: { anonymous: 401, reviewer: 403, editor: 403, admin: 403, deactivated: 401 },
      call: async (actor) => {
        const { id } =
          actor === "deactivated" ? proposedByDana : await proposedClaim(userOf(actor) ?? people.reviewer2);
        return { path: claimPath(id, "/review"), json: { version: await versionOf(id), decision: "approve" } };
      },
    },
  ],
  "GET /api/claims/[id]/similar": [
    {
      what: "list similar earlier claims",
      expect: signedIn(200, 401),
      call: async () => ({ path: claimPath(verifiedForEveryone.id, "/similar") }),
    },
  ],
  "PUT /api/claims/[id]/duplicate": [
    {
      what: "mark one's own claim as a duplicate of a verified one",
      expect: signedIn(200, 401),
      call: async (actor) => {
        const { id } = await openClaim(workerFor(actor));
        return {
          path: claimPath(id, "/duplicate"),
          json: { version: await versionOf(id), duplicateOfId: verifiedForEveryone.id },
        };
      },
    },
    {
      what: "mark someone else's claim as a duplicate",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id } = await openClaim(people.reviewer2);
        return {
          path: claimPath(id, "/duplicate"),
          json: { version: await versionOf(id), duplicateOfId: verifiedForEveryone.id },
        };
      },
    },
  ],
  "POST /api/claims/[id]/duplicate/start": [
    {
      what: "take the earlier verdict into one's own claim",
      expect: signedIn(200, 401),
      call: async (actor) => {
        const { id } = await duplicateClaim(workerFor(actor));
        return { path: claimPath(id, "/duplicate/start"), json: { version: await versionOf(id), take: ["verdict"] } };
      },
    },
    {
      what: "take the earlier verdict into someone else's claim",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id } = await duplicateClaim(people.reviewer2);
        return { path: claimPath(id, "/duplicate/start"), json: { version: await versionOf(id), take: ["verdict"] } };
      },
    },
  ],
  "POST /api/claims/[id]/reopen": [
    {
      what: "reopen a verified claim",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id } = await verifiedClaim();
        return {
          path: claimPath(id, "/reopen"),
          json: { version: await versionOf(id), reason: "A newer report gives another figure." },
        };
      },
      allowed: async (_actor, response) => {
        expect(await response.json()).toMatchObject({ status: "in_progress" });
      },
    },
  ],
  "POST /api/claims/[id]/retract": [
    {
      what: "retract a published fact-check",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id } = await verifiedClaim();
        return {
          path: claimPath(id, "/retract"),
          json: { version: await versionOf(id), reason: "The report our verdict relied on was withdrawn." },
        };
      },
      allowed: async (_actor, response) => {
        expect(await response.json()).toMatchObject({ status: "verified", retractedAt: expect.any(String) });
      },
    },
  ],
  "POST /api/claims/[id]/sources": [
    {
      what: "add a source to an open claim",
      expect: signedIn(201, 401),
      call: async (actor) => {
        const { id } = await openClaim(people.reviewer2);
        return {
          path: claimPath(id, "/sources"),
          json: { url: `https://example.org/added-by/${actor}`, title: "More evidence", stance: "refutes" },
        };
      },
    },
  ],
  "PATCH /api/claims/[id]/sources/[sourceId]": [
    {
      what: "edit a source of one's own claim",
      expect: signedIn(200, 401),
      call: async (actor) => {
        const { id, sourceId } = await openClaim(workerFor(actor));
        return {
          path: claimPath(id, `/sources/${sourceId}`),
          json: { version: await versionOf(id), title: "Renamed evidence" },
        };
      },
    },
    {
      what: "edit a colleague's source of their claim",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id, sourceId } = await openClaim(people.reviewer2);
        return {
          path: claimPath(id, `/sources/${sourceId}`),
          json: { version: await versionOf(id), title: "Renamed evidence" },
        };
      },
    },
  ],
  "DELETE /api/claims/[id]/sources/[sourceId]": [
    {
      what: "remove a source of one's own claim",
      expect: signedIn(200, 401),
      call: async (actor) => {
        const { id, sourceId } = await openClaim(workerFor(actor));
        return { path: claimPath(id, `/sources/${sourceId}`), json: { version: await versionOf(id) } };
      },
    },
    {
      what: "remove a colleague's source of their claim",
      expect: editorsOnly(200, 403, 401),
      call: async () => {
        const { id, sourceId } = await openClaim(people.reviewer2);
        return { path: claimPath(id, `/sources/${sourceId}`), json: { version: await versionOf(id) } };
      },
    },
  ],
  // Better Auth's endpoints: the catch-all is public by nature (it is where one signs in).
  "GET /api/auth/[...all]": [
    {
      what: "read one's session",
      expect: { anonymous: 200, reviewer: 200, editor: 200, admin: 200, deactivated: 401 },
      call: async () => ({ path: "/api/auth/get-session" }),
      allowed: async (actor, response) => {
        const body = (await response.json()) as { user?: { email: string } } | null;
        expect(body?.user?.email ?? null).toBe(actor === "anonymous" ? null : userOf(actor)!.email);
      },
    },
  ],
  "POST /api/auth/[...all]": [
    {
      what: "sign in with one's own password",
      expect: { anonymous: 200, reviewer: 200, editor: 200, admin: 200, deactivated: 401 },
      call: async (actor) => ({ path: "/api/auth/sign-in/email", json: credentialsOf(actor) }),
    },
    {
      what: "make oneself an admin through update-user",
      expect: { anonymous: 401, reviewer: 400, editor: 400, admin: 400, deactivated: 401 },
      call: async () => ({ path: "/api/auth/update-user", json: { role: "admin", active: true } }),
    },
    {
      what: "create an account (sign-up is disabled)",
      expect: { anonymous: 400, reviewer: 400, editor: 400, admin: 400, deactivated: 401 },
      call: async (actor) => ({
        path: "/api/auth/sign-up/email",
        json: { name: "Walk In", email: `walk-in-${actor}@example.org`, password: OTHER_PASSWORD },
      }),
    },
    {
      what: "change one's own name",
      expect: { anonymous: 401, reviewer: 200, editor: 200, admin: 200, deactivated: 401 },
      call: async (actor) => ({ path: "/api/auth/update-user", json: { name: userOf(actor)?.name ?? "Nobody" } }),
    },
  ],
};

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
const routeHandlers = new Map<string, RouteHandler>();

async function loadRouteHandlers(): Promise<void> {
  if (routeHandlers.size > 0) return;
  for (const [pattern, file] of routeFiles()) {
    const loaded = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS.filter((name) => typeof loaded[name] === "function")) {
      routeHandlers.set(`${method} ${pattern}`, loaded[method] as RouteHandler);
    }
  }
}

function callRoute(key: string, call: ApiCall, actor: ActorName, origin?: string): Promise<Response> {
  const [method, pattern] = key.split(" ") as [string, string];
  const handler = routeHandlers.get(key);
  if (!handler) throw new Error(`No handler for ${key}`);
  const request = apiRequest(call.path, {
    method,
    cookie: cookieOf(actor),
    json: call.json,
    origin: origin ?? (method === "GET" ? undefined : ORIGIN),
  });
  return handler(request, { params: Promise.resolve(paramsOf(pattern, new URL(call.path, ORIGIN).pathname)) });
}

describe("route handlers", () => {
  it("the matrix lists exactly the routes and methods on disk", async () => {
    await loadRouteHandlers();
    expect([...routeHandlers.keys()].sort()).toEqual(Object.keys(API_MATRIX).sort());
  });

  for (const [key, cases] of Object.entries(API_MATRIX)) {
    for (const routeCase of cases) {
      it(`${key}: ${routeCase.what}`, async () => {
        await loadRouteHandlers();
        for (const actor of ACTORS) {
          const call = await routeCase.call(actor);
          const before = await databaseDigest();
          const response = await callRoute(key, call, actor);
          expect({ actor, status: response.status }).toEqual({ actor, status: routeCase.expect[actor] });
          if (response.status >= 400) {
            expect({ actor, refusalStoredSomething: (await databaseDigest()) !== before }).toEqual({
              actor,
              refusalStoredSomething: false,
            });
            if (!key.startsWith("GET /api/auth") && !key.startsWith("POST /api/auth")) {
              expect(await response.json()).toEqual(expect.objectContaining({ error: expect.any(String) }));
            }
          } else if (routeCase.allowed) {
            await routeCase.allowed(actor, response, call);
          }
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Cross-origin writes

describe("state-changing requests from another origin", () => {
  const writeRoutes = Object.keys(API_MATRIX).filter((key) => !key.startsWith("GET ") && !key.includes("/api/auth/"));

  for (const key of writeRoutes) {
    it(`${key}: refused (403) from another origin, accepted from the app's own`, async () => {
      await loadRouteHandlers();
      const routeCase = API_MATRIX[key]![0]!;
      const call = await routeCase.call("editor");
      for (const origin of FOREIGN_ORIGINS) {
        const before = await databaseDigest();
        const response = await callRoute(key, call, "editor", origin);
        expect({ origin, status: response.status }).toEqual({ origin, status: 403 });
        expect(await databaseDigest()).toBe(before);
      }
      expect((await callRoute(key, call, "editor", ORIGIN)).status).toBe(routeCase.expect.editor);
    });
  }

  it("Better Auth refuses a sign-in, a sign-out and an update-user from another origin", async () => {
    await loadRouteHandlers();
    const cookie = await signInCookie(DEMO.reviewer2);
    const post = routeHandlers.get("POST /api/auth/[...all]")!;
    const send = (endpoint: string, json: unknown, withCookie: boolean, origin: string) =>
      post(
        apiRequest(`/api/auth/${endpoint}`, { method: "POST", json, cookie: withCookie ? cookie : undefined, origin }),
        {
          params: Promise.resolve({ all: endpoint.split("/") }),
        },
      );
    for (const origin of FOREIGN_ORIGINS) {
      const before = await databaseDigest();
      expect((await send("sign-in/email", credentialsOf("anonymous"), false, origin)).status).toBe(403);
      expect((await send("sign-out", {}, true, origin)).status).toBe(403);
      expect((await send("update-user", { name: "Forged Name" }, true, origin)).status).toBe(403);
      expect(await databaseDigest()).toBe(before);
    }
    expect((await send("sign-out", {}, true, ORIGIN)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Pages: the proxy's gate, then the page's own guard

type PageOutcome = "renders" | "sign-in" | "forbidden" | "goes to /";

/**
 * `cached`: a readers' page, generated once and served from the cache (lib/cache/handler.mjs), so
 * outside the proxy (its CSP of hashes comes with the cached page). `rewritesAnonymousTo`: the proxy
 * shows anonymous visitors that public page instead of the sign-in form.
 */
const PAGE_MATRIX: Record<
  string,
  {
    path: () => string;
    public: boolean;
    cached?: true;
    rewritesAnonymousTo?: string;
    expect: Expected<PageOutcome>;
  }
> = {
  "/": { path: () => "/", public: false, expect: signedIn<PageOutcome>("renders", "sign-in") },
  "/admin/users": {
    path: () => "/admin/users",
    public: false,
    expect: adminsOnly<PageOutcome>("renders", "forbidden", "sign-in"),
  },
  "/api-docs": { path: () => "/api-docs", public: true, expect: everyone<PageOutcome>("renders") },
  "/articles/new": {
    path: () => "/articles/new",
    public: false,
    expect: editorsOnly<PageOutcome>("renders", "forbidden", "sign-in"),
  },
  "/articles/[id]": {
    path: () => `/articles/${articleId}`,
    public: false,
    expect: signedIn<PageOutcome>("renders", "sign-in"),
  },
  "/claims": { path: () => "/claims", public: false, expect: signedIn<PageOutcome>("renders", "sign-in") },
  "/claims/[id]": {
    path: () => `/claims/${verifiedForEveryone.id}`,
    public: false,
    expect: signedIn<PageOutcome>("renders", "sign-in"),
  },
  "/corrections": {
    path: () => "/corrections",
    public: false,
    rewritesAnonymousTo: "/fact-checks/corrections",
    expect: signedIn<PageOutcome>("renders", "sign-in"),
  },
  // A search; any other view of the index is rewritten to the cached browse page below.
  "/fact-checks": { path: () => "/fact-checks?q=Mali", public: true, expect: everyone<PageOutcome>("renders") },
  "/fact-checks/browse/[verdict]/[page]": {
    path: () => "/fact-checks/browse/all/1",
    public: true,
    cached: true,
    expect: everyone<PageOutcome>("renders"),
  },
  "/fact-checks/[id]": {
    path: () => `/fact-checks/${verifiedForEveryone.id}`,
    public: true,
    cached: true,
    expect: everyone<PageOutcome>("renders"),
  },
  "/fact-checks/[id]/embed": {
    path: () => `/fact-checks/${verifiedForEveryone.id}/embed`,
    public: true,
    cached: true,
    expect: everyone<PageOutcome>("renders"),
  },
  "/fact-checks/articles/[id]": {
    path: () => `/fact-checks/articles/${articleId}`,
    public: true,
    cached: true,
    expect: everyone<PageOutcome>("renders"),
  },
  "/fact-checks/corrections": {
    path: () => "/fact-checks/corrections",
    public: true,
    cached: true,
    expect: everyone<PageOutcome>("renders"),
  },
  "/queue": { path: () => "/queue", public: false, expect: signedIn<PageOutcome>("renders", "sign-in") },
  "/sign-in": { path: () => "/sign-in", public: true, expect: signedIn<PageOutcome>("goes to /", "renders") },
};

/** Metadata files Next serves as routes: public, and outside the proxy (no gate, no CSP needed). */
const METADATA_MATRIX: Record<string, string> = {
  "app/icon.svg": "/icon.svg",
  "app/robots.ts": "/robots.txt",
  "app/(public)/fact-checks/[id]/opengraph-image.tsx": "/fact-checks/1/opengraph-image",
};

function nextErrorDigest(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : null;
}

/** The target of Next's redirect() ("NEXT_REDIRECT;replace;/sign-in?next=%2F;307;"), or null. */
function redirectTarget(error: unknown): string | null {
  const digest = nextErrorDigest(error);
  if (!digest?.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";").slice(2, -2).join(";");
}

function setRequestScope(actor: ActorName, extra: Record<string, string> = {}): void {
  const cookie = cookieOf(actor);
  requestScope.headers = new Headers({ host: "localhost:3000", ...(cookie ? { cookie } : {}), ...extra });
}

async function openPage(
  file: string,
  pattern: string,
  pathname: string,
  actor: ActorName,
): Promise<PageOutcome | string> {
  setRequestScope(actor);
  const page = ((await import(path.join(ROOT, file))) as { default: (props: unknown) => Promise<unknown> }).default;
  try {
    const element = await page({
      params: Promise.resolve(paramsOf(pattern, pathname)),
      searchParams: Promise.resolve({}),
    });
    return isValidElement(element) ? "renders" : `returned ${String(element)}`;
  } catch (error) {
    const target = redirectTarget(error);
    if (target === `/sign-in?next=${encodeURIComponent(pathname)}`) return "sign-in";
    if (target) return `goes to ${target}`;
    if (nextErrorDigest(error) === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
    throw error;
  }
}

describe("pages", () => {
  it("the matrix lists exactly the pages and metadata routes on disk", () => {
    expect([...pageFiles().keys()].sort()).toEqual(Object.keys(PAGE_MATRIX).sort());
    expect(metadataFiles().sort()).toEqual(Object.keys(METADATA_MATRIX).sort());
  });

  for (const [pattern, entry] of Object.entries(PAGE_MATRIX)) {
    const served = entry.cached
      ? "is cached (outside the proxy, revalidated)"
      : `goes through the proxy (CSP), which gates it ${entry.public ? "not" : "for anonymous visitors"}`;
    it(`${pattern}: ${served}, and the page guards itself`, async () => {
      const pathname = entry.path();
      const file = pageFiles().get(pattern)!;
      expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: pathname, nextConfig })).toBe(!entry.cached);
      if (entry.cached) {
        const loaded = (await import(path.join(ROOT, file))) as { revalidate?: unknown };
        expect(loaded.revalidate).toBe(60);
      }
      for (const actor of ACTORS) {
        const cookie = cookieOf(actor);
        const response = proxy(new NextRequest(`${ORIGIN}${pathname}`, { headers: cookie ? { cookie } : {} }));
        if (entry.cached) {
          // Never reached through the proxy; nothing here depends on who asks.
        } else if (entry.rewritesAnonymousTo && actor === "anonymous") {
          expect(response.headers.get("x-middleware-rewrite")).toBe(`${ORIGIN}${entry.rewritesAnonymousTo}`);
        } else if (!entry.public && actor === "anonymous") {
          expect(response.status).toBe(307);
          expect(response.headers.get("location")).toBe(`${ORIGIN}/sign-in?next=${encodeURIComponent(pathname)}`);
        } else {
          expect({ actor, passes: response.headers.get("x-middleware-next") }).toEqual({ actor, passes: "1" });
          const policy = response.headers.get("content-security-policy");
          expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
          // Next reads the nonce from the request's CSP header when it renders the page.
          expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
        }
        expect({ actor, page: await openPage(file, pattern, pathname, actor) }).toEqual({
          actor,
          page: entry.expect[actor],
        });
      }
    });
  }

  it("pages that need a session tell nobody else their subject in the title", async () => {
    for (const [pattern, entry] of Object.entries(PAGE_MATRIX)) {
      const loaded = (await import(path.join(ROOT, pageFiles().get(pattern)!))) as {
        generateMetadata?: (props: unknown) => Promise<{ title?: unknown }>;
      };
      if (!loaded.generateMetadata) continue;
      const pathname = entry.path();
      for (const actor of ACTORS.filter((name) => entry.expect[name] === "sign-in")) {
        setRequestScope(actor);
        const metadata = await loaded.generateMetadata({ params: Promise.resolve(paramsOf(pattern, pathname)) });
        expect({ pattern, actor, title: metadata.title }).toEqual({ pattern, actor, title: "Sign in" });
      }
    }
  });

  it("metadata routes are public: outside the proxy, and robots.txt keeps crawlers out of the API", async () => {
    for (const url of Object.values(METADATA_MATRIX)) {
      expect({ url, proxied: unstable_doesMiddlewareMatch({ config: proxyConfig, url, nextConfig }) }).toEqual({
        url,
        proxied: false,
      });
    }
    const robots = (await import("@/app/robots")).default();
    expect(robots.rules).toEqual({ userAgent: "*", allow: "/", disallow: "/api/" });
    expect(robots.sitemap).toBe(`${ORIGIN}/sitemap.xml`);
  });

  it("the proxy does not run on the API, which answers 401 itself", () => {
    for (const key of Object.keys(API_MATRIX)) {
      const url = key.split(" ")[1]!.replace(/\[[^\]]+\]/g, "1");
      expect({ url, proxied: unstable_doesMiddlewareMatch({ config: proxyConfig, url, nextConfig }) }).toEqual({
        url,
        proxied: false,
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Server Actions

type ActionOutcome = "done" | "refused" | `goes to ${string}`;
type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState | undefined>;

interface ActionCase {
  what: string;
  expect: Expected<ActionOutcome>;
  form: (actor: ActorName) => Promise<Record<string, string>>;
  /** The cookie to act with, when the case must not spend the actor's own session. */
  cookie?: (actor: ActorName) => Promise<string | undefined>;
  allowed?: (actor: ActorName, form: Record<string, string>) => Promise<void>;
}

const claimForm = async (id: number) => ({ claimId: String(id), version: String(await versionOf(id)) });

const ACTION_MATRIX: Record<string, ActionCase[]> = {
  "app/(desk)/sign-in/actions.ts#signIn": [
    {
      what: "sign in with one's own password",
      expect: {
        anonymous: "goes to /",
        reviewer: "goes to /",
        editor: "goes to /",
        admin: "goes to /",
        deactivated: "refused",
      },
      form: async (actor) => ({ ...credentialsOf(actor), next: "" }),
    },
  ],
  "app/(desk)/sign-in/actions.ts#signOut": [
    {
      what: "sign out",
      expect: everyone<ActionOutcome>("goes to /sign-in"),
      form: async () => ({}),
      cookie: async (actor) =>
        actor === "anonymous" || actor === "deactivated" ? cookieOf(actor) : signInCookie(credentialsOf(actor).email),
      allowed: async (actor) => {
        if (actor === "anonymous" || actor === "deactivated") return;
        const token = decodeURIComponent(requestScope.headers.get("cookie")!.split("=")[1]!).split(".")[0]!;
        expect(await database.prisma.session.count({ where: { token } })).toBe(0);
      },
    },
  ],
  "components/theme-actions.ts#chooseTheme": [
    {
      what: "choose a theme (a display preference, for everyone)",
      expect: everyone<ActionOutcome>("done"),
      form: async (actor) => ({ theme: actor === "reviewer" ? "light" : "dark" }),
      allowed: async (_actor, form) => {
        expect(requestScope.cookies.get("theme")?.value).toBe(form.theme);
      },
    },
  ],
  "domains/articles/actions.ts#importArticleFromForm": [
    {
      what: "import an article",
      expect: editorsOnly<ActionOutcome>("goes to /articles/:id", "refused", "refused"),
      form: async (actor) => ({
        title: `An article imported by ${actor}`,
        language: "en",
        format: "text",
        text: "One paragraph.\n\nAnother one.",
      }),
    },
  ],
  "domains/claims/actions.ts#createClaimFromForm": [
    {
      what: "add a claim to an article",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => {
        const { startOffset, endOffset } = freshSpan();
        return {
          articleId: String(articleId),
          startOffset: String(startOffset),
          endOffset: String(endOffset),
          statement: "A statement the matrix adds through the form.",
          topic: "Matrix",
        };
      },
    },
  ],
  "domains/suggestions/actions.ts#dismissSuggestionFromForm": [
    {
      what: "dismiss a suggestion",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => {
        const { startOffset, endOffset } = freshSpan();
        return { articleId: String(articleId), startOffset: String(startOffset), endOffset: String(endOffset) };
      },
    },
  ],
  "domains/claims/actions.ts#updateClaimFromForm": [
    {
      what: "take an unassigned claim",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async () => ({ ...(await claimForm(freshClaim())), intent: "take" }),
      allowed: async (actor, form) => {
        expect(
          (await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(form.claimId) } })).assigneeId,
        ).toBe(userOf(actor)!.id);
      },
    },
    {
      what: "assign a claim to someone else",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({ ...(await claimForm(freshClaim())), intent: "assign", assigneeId: people.reviewer2.id }),
    },
  ],
  "domains/claims/actions.ts#bulkChangeClaimsFromForm": [
    {
      what: "assign the selected claims to someone",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => {
        const [first, second] = [freshClaim(), freshClaim()];
        return {
          [`claim-${first}`]: `${first}:1`,
          [`claim-${second}`]: `${second}:1`,
          action: "assign",
          assigneeId: people.reviewer2.id,
          topic: "",
        };
      },
    },
  ],
  "domains/claims/actions.ts#reviewClaimFromForm": [
    {
      what: "approve someone else's proposal",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async () => ({ ...(await claimForm((await proposedClaim(people.reviewer2)).id)), decision: "approve" }),
      allowed: async (actor, form) => {
        const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(form.claimId) } });
        expect({ status: claim.status, verifiedById: claim.verifiedById }).toEqual({
          status: "verified",
          verifiedById: userOf(actor)!.id,
        });
      },
    },
    {
      what: "approve one's own proposal",
      expect: everyone<ActionOutcome>("refused"),
      form: async (actor) => {
        const { id } =
          actor === "deactivated" ? proposedByDana : await proposedClaim(userOf(actor) ?? people.reviewer2);
        return { ...(await claimForm(id)), decision: "approve" };
      },
    },
  ],
  "domains/claims/actions.ts#linkDuplicateFromForm": [
    {
      what: "mark one's own claim as a duplicate of a verified one",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async (actor) => ({
        ...(await claimForm((await openClaim(workerFor(actor))).id)),
        duplicateOfId: String(verifiedForEveryone.id),
      }),
    },
    {
      what: "mark someone else's claim as a duplicate",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({
        ...(await claimForm((await openClaim(people.reviewer2)).id)),
        duplicateOfId: String(verifiedForEveryone.id),
      }),
    },
  ],
  "domains/claims/actions.ts#startFromDuplicateFromForm": [
    {
      what: "take the earlier verdict and sources into one's own claim",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async (actor) => ({ ...(await claimForm((await duplicateClaim(workerFor(actor))).id)), take: "both" }),
    },
    {
      what: "take them into someone else's claim",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({ ...(await claimForm((await duplicateClaim(people.reviewer2)).id)), take: "both" }),
    },
  ],
  "domains/claims/actions.ts#reopenClaimFromForm": [
    {
      what: "reopen a verified claim",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({
        ...(await claimForm((await verifiedClaim()).id)),
        reason: "A newer report gives another figure.",
      }),
    },
  ],
  "domains/claims/actions.ts#retractClaimFromForm": [
    {
      what: "retract a published fact-check",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({
        ...(await claimForm((await verifiedClaim()).id)),
        reason: "The report our verdict relied on was withdrawn.",
      }),
    },
  ],
  "domains/sources/actions.ts#addSourceAction": [
    {
      what: "add a source",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async (actor) => ({
        claimId: String((await openClaim(people.reviewer2)).id),
        url: `https://example.org/form/${actor}`,
        title: "Form evidence",
        stance: "context",
      }),
    },
  ],
  "domains/sources/actions.ts#updateSourceAction": [
    {
      what: "edit a source of one's own claim",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async (actor) => {
        const { id, sourceId } = await openClaim(workerFor(actor));
        return { ...(await claimForm(id)), sourceId: String(sourceId), title: "Retitled evidence" };
      },
    },
    {
      what: "edit a colleague's source of their claim",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => {
        const { id, sourceId } = await openClaim(people.reviewer2);
        return { ...(await claimForm(id)), sourceId: String(sourceId), title: "Retitled evidence" };
      },
    },
  ],
  "domains/sources/actions.ts#removeSourceAction": [
    {
      what: "remove a source of one's own claim",
      expect: signedIn<ActionOutcome>("done", "refused"),
      form: async (actor) => {
        const { id, sourceId } = await openClaim(workerFor(actor));
        return { ...(await claimForm(id)), sourceId: String(sourceId) };
      },
    },
    {
      what: "remove a colleague's source of their claim",
      expect: editorsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => {
        const { id, sourceId } = await openClaim(people.reviewer2);
        return { ...(await claimForm(id)), sourceId: String(sourceId) };
      },
    },
  ],
  "domains/users/actions.ts#createUserFromForm": [
    {
      what: "create an admin account",
      expect: adminsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async (actor) => ({
        name: "New Admin",
        email: `new-admin-by-${actor}@example.org`,
        role: "admin",
        password: OTHER_PASSWORD,
      }),
    },
  ],
  "domains/users/actions.ts#changeRoleFromForm": [
    {
      what: "make another user an admin",
      expect: adminsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({ userId: people.tom.id, role: "admin" }),
    },
  ],
  "domains/users/actions.ts#setActiveFromForm": [
    {
      what: "deactivate another user",
      expect: adminsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async () => ({ userId: people.tom.id, active: "false" }),
      allowed: async () => {
        expect(
          await database.prisma.user.findUniqueOrThrow({ where: { id: people.tom.id }, select: { active: true } }),
        ).toEqual({ active: false });
      },
    },
  ],
  "domains/users/actions.ts#setPasswordFromForm": [
    {
      what: "set another user's password",
      expect: adminsOnly<ActionOutcome>("done", "refused", "refused"),
      form: async (actor) => ({ userId: people.tom.id, password: `${OTHER_PASSWORD}-set-by-${actor}` }),
      allowed: async (_actor, form) => {
        const credential = await database.prisma.account.findFirstOrThrow({
          where: { userId: people.tom.id, providerId: "credential" },
        });
        expect(await verifyPassword({ hash: credential.password!, password: form.password! })).toBe(true);
      },
    },
  ],
};

async function runAction(
  action: ServerAction,
  fields: Record<string, string>,
  cookie: string | undefined,
): Promise<ActionOutcome> {
  requestScope.headers = new Headers({
    host: "localhost:3000",
    origin: ORIGIN,
    "next-action": "authorization-matrix",
    ...(cookie ? { cookie } : {}),
  });
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  try {
    const state = await action(IDLE_STATE, formData);
    if (state?.status === "success") return "done";
    if (state?.status === "error") return "refused";
    throw new Error(`The action answered ${JSON.stringify(state)}`);
  } catch (error) {
    const target = redirectTarget(error);
    if (target) return `goes to ${target.replace(/\/\d+(?=$|[/?#])/g, "/:id")}`;
    throw error;
  }
}

describe("server actions", () => {
  it("the matrix lists exactly the exported functions of every 'use server' module, and there is no inline one", async () => {
    const found: string[] = [];
    for (const { file, moduleLevel } of serverActionFiles()) {
      if (!moduleLevel) {
        found.push(`${file}#(inline "use server")`);
        continue;
      }
      const loaded = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(loaded))
        if (typeof value === "function") found.push(`${file}#${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTION_MATRIX).sort());
  });

  for (const [key, cases] of Object.entries(ACTION_MATRIX)) {
    for (const actionCase of cases) {
      it(`${key}: ${actionCase.what}`, async () => {
        const [file, name] = key.split("#") as [string, string];
        const action = ((await import(path.join(ROOT, file))) as Record<string, ServerAction>)[name]!;
        for (const actor of ACTORS) {
          const form = await actionCase.form(actor);
          const cookie = actionCase.cookie ? await actionCase.cookie(actor) : cookieOf(actor);
          const before = await databaseDigest();
          const outcome = await runAction(action, form, cookie);
          expect({ actor, outcome }).toEqual({ actor, outcome: actionCase.expect[actor] });
          if (outcome === "refused") {
            expect({ actor, refusalStoredSomething: (await databaseDigest()) !== before }).toEqual({
              actor,
              refusalStoredSomething: false,
            });
          } else if (actionCase.allowed) {
            await actionCase.allowed(actor, form);
          }
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The session cookie

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax and Secure in production, under the __Secure- prefix", async () => {
    await loadRouteHandlers();
    const response = await routeHandlers.get("POST /api/auth/[...all]")!(
      apiRequest("/api/auth/sign-in/email", { method: "POST", json: credentialsOf("reviewer"), origin: ORIGIN }),
      { params: Promise.resolve({ all: ["sign-in", "email"] }) },
    );
    expect(response.status).toBe(200);
    const sessionCookie = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("__Secure-better-auth.session_token="));
    expect(sessionCookie).toBeDefined();
    const attributes = sessionCookie!
      .split(";")
      .slice(1)
      .map((attribute) => attribute.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
  });
});
