import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { MAX_DB_INTEGER } from "@/lib/validation";
import { apiRequest, DEMO, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

/**
 * Hostile input: generated requests against every API route that takes input, called in-process on a
 * real database. Every answer is a 2xx for input that is in fact valid (and then what is stored is
 * what was sent, normalised) or a 4xx with a JSON error that changed nothing; never a 5xx.
 *
 * Replay a run: HOSTILE_SEED=<seed> npx vitest run tests/integration/hostile-input.test.ts
 * Replay one failure: add HOSTILE_PATH=<path> and -t "<route>" (both printed on failure).
 */
/**
 * CI (`.ci/run` sets CI=true) runs a fixed seed, so whether a change lands does not depend on the draw;
 * every other run explores a new one, and a seed that finds something is fixed, then can become CI's.
 */
const CI_SEED = 482134534;
const SEED = process.env.HOSTILE_SEED
  ? Number(process.env.HOSTILE_SEED)
  : process.env.CI
    ? CI_SEED
    : Math.floor(Math.random() * 0x7fffffff);
const REPLAY_PATH = process.env.HOSTILE_PATH;
const TEST_FILE = "tests/integration/hostile-input.test.ts";

let database: TestDatabase;
let handlers: Awaited<ReturnType<typeof loadHandlers>>;
let cookies: Record<Identity, string>;
let userIds: string[];
let poolIds: number[];
let articles: { id: number; body: string }[];

async function loadHandlers() {
  return {
    auth: (await import("@/app/api/auth/[...all]/route")).POST,
    articles: (await import("@/app/api/articles/route")).GET,
    addArticle: (await import("@/app/api/articles/route")).POST,
    article: (await import("@/app/api/articles/[id]/route")).GET,
    articleClaimReview: (await import("@/app/api/articles/[id]/claimreview/route")).GET,
    claims: (await import("@/app/api/claims/route")).GET,
    exportCsv: (await import("@/app/api/claims/export.csv/route")).GET,
    claim: await import("@/app/api/claims/[id]/route"),
    review: (await import("@/app/api/claims/[id]/review/route")).POST,
    bulk: (await import("@/app/api/claims/bulk/route")).POST,
    reopen: (await import("@/app/api/claims/[id]/reopen/route")).POST,
    retract: (await import("@/app/api/claims/[id]/retract/route")).POST,
    addSource: (await import("@/app/api/claims/[id]/sources/route")).POST,
    source: await import("@/app/api/claims/[id]/sources/[sourceId]/route"),
    claimClaimReview: (await import("@/app/api/claims/[id]/claimreview/route")).GET,
    oembed: (await import("@/app/api/oembed/route")).GET,
    addClaim: (await import("@/app/api/articles/[id]/claims/route")).POST,
  };
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const HTML_PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=1>",
  '"><svg onload=window.__xss=1>',
  "</textarea><script>alert(1)</script>",
  '<a href="javascript:alert(1)">click</a>',
  "<iframe srcdoc='<script>alert(1)</script>'>",
  "{{constructor.constructor('alert(1)')()}}",
  "${7*7}",
  "<!--",
  "]]>",
  "&lt;b&gt;&amp;",
];
const SQL_PAYLOADS = [
  "' OR '1'='1",
  '1; DROP TABLE "Claim";--',
  '\'); DELETE FROM "Source"; --',
  "\\'",
  "%' AND 1=1 --",
  "_%",
  '1 UNION SELECT password FROM "Account"',
  "$$; SELECT pg_sleep(10); $$",
  "E'\\x00'",
  "!!! & | ( ) :*",
];
const URL_PAYLOADS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "javascript://example.org/%0Aalert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.org/file",
  "//evil.example/x",
  "http://localhost/admin",
  "http://127.0.0.1/x",
  "http://[::1]/x",
  "https://user:pass@example.org/",
  "https://example.org:99999/",
  "https://",
  "http:/example.org",
  "https://example..org/",
  "https://exampl\u0435.org/report", // Cyrillic е
  "https://\u0430\u0440\u0440\u04cf\u0435.com/", // "аррӏе": Cyrillic look-alike of apple
  "https://xn--80ak6aa92e.com/",
  "https://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.org/", // full-width letters
  "https://example.org\u202e/gro.live",
  "https://ex%61mple.org/",
  "https://example.org/\u0000",
  `https://example.org/${"a".repeat(2_100)}`,
];
const HOMOGLYPH_TEXT = ["\u0430dmin", "p\u0430ypal.com", "\u0391\u0392\u0395", "ɡoogle", "\u13a0\u13a1"];
const ODD_UNICODE = ["\u202e", "\u200b", "\ufeff", "\u2028", "\u{1f600}", "e\u0301", "\ufdfa", "\u{1d54f}", "\u00a0"];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const controlCharacter = fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code));

const textPiece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ maxLength: 24 }),
  fc.constantFrom(...HTML_PAYLOADS, ...SQL_PAYLOADS, ...URL_PAYLOADS, ...HOMOGLYPH_TEXT, ...ODD_UNICODE),
  fc.constant("\u0000"),
  loneSurrogate,
  controlCharacter,
);

const hugeText = fc
  .tuple(
    fc.constantFrom(2_001, 5_001, 20_000, 1_000_001),
    fc.constantFrom("x", "\u00e9", "<", "\u0000", "\u{1d54f}", " "),
  )
  .map(([length, unit]) => unit.repeat(length));

const hostileText = fc.oneof(
  { weight: 8, arbitrary: fc.array(textPiece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\t\n", "\u00a0\u3000") },
);

/** Text a user might really type, with markup and quotes in it: valid wherever text is. */
const plausibleText = fc
  .tuple(
    fc.constantFrom(...HTML_PAYLOADS, ...SQL_PAYLOADS, ...HOMOGLYPH_TEXT),
    fc.string({ minLength: 20, maxLength: 60 }),
  )
  .map(([payload, words]) => `${payload} ${words}`);

/** Hostile but storable text (no NUL, no lone surrogate), 20 to 300 characters: accepted by every text field. */
const storableText = fc
  .array(
    fc.oneof(
      plausibleText,
      fc.string({ unit: "binary", maxLength: 16 }),
      fc.constantFrom(...ODD_UNICODE, ...URL_PAYLOADS.slice(0, 10)),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) =>
    `Said: ${parts.join(" ")}`.replaceAll("\u0000", "").toWellFormed().slice(0, 280).toWellFormed().padEnd(20, "."),
  );

/** For well-formed bodies: storable text mostly, hostile text (NUL, lone surrogates, huge) now and then. */
const mostlyStorableText = fc.oneof({ weight: 3, arbitrary: storableText }, { weight: 1, arbitrary: hostileText });

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    1.5,
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(
    "1",
    " 1 ",
    "1.0",
    "1e0",
    "0x1",
    "01",
    "+1",
    "-1",
    "\u0661",
    "\uff11",
    "Infinity",
    "NaN",
    "",
    "99999999999",
    '1; DROP TABLE "Claim"',
  ),
);

const hostileId = fc.oneof(
  fc.constantFrom(
    "0",
    "-1",
    "1.5",
    "1e3",
    "2147483648",
    "2147483647",
    "99999999999999999999",
    "NaN",
    "Infinity",
    " 1",
    "1 ",
    "0x1",
    "01",
    "\u0661",
    "\uff11",
    '1;DROP TABLE "Claim"',
    "1' OR '1'='1",
    "%00",
    "\u0000",
    "1\u0000",
    "../1",
    "",
    "null",
    "undefined",
    "[object Object]",
    "1/../2",
    "<script>alert(1)</script>",
    "\ud800",
    "9007199254740993",
  ),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.integer().map(String),
);

/** Valid values most of the time, so that the route gets past validation and its domain rules run too. */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 2, arbitrary: hostileText },
    { weight: 1, arbitrary: wrongType },
  );
}

/** Most bodies are hostile; one in three is well-formed, so that hostile text reaches the domain rules and the database. */
function hostileOrValid(hostile: fc.Arbitrary<Fields>, valid: fc.Arbitrary<Fields>): fc.Arbitrary<Fields> {
  return fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: valid.map((body): Fields => body) });
}

/** Stands for "the claim's version as stored now", resolved when the request is sent. */
const CURRENT_VERSION = Symbol("current version");
/** Stands for "one of the target claim's sources", resolved when the request is sent. */
const EXISTING_SOURCE = Symbol("existing source");

const versionField = fc.oneof(
  { weight: 5, arbitrary: fc.constant(CURRENT_VERSION) },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: wrongType },
);

const EXTRA_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "id",
  "claimId",
  "actorId",
  "verifiedById",
  "role",
  "version ",
  "Version",
];
const extraFields = fc.option(
  fc.array(
    fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), fc.oneof(wrongType, hostileText)),
    {
      minLength: 1,
      maxLength: 2,
    },
  ),
  { freq: 4, nil: [] },
);

type Fields = Record<string, unknown>;

/** A body: known fields (each may be missing), unknown extra fields now and then. */
function bodyOf(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Fields> {
  return fc.tuple(fc.record(model, { requiredKeys: [] }), extraFields).map(([known, extra]) => {
    const body: Fields = { ...known };
    // defineProperty, so that "__proto__" is sent as a key, as a hostile client's JSON would have it.
    for (const [key, value] of extra)
      Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    return body;
  });
}

/** How the body travels: mostly as JSON, sometimes broken on the wire. */
type Envelope =
  | { kind: "json" }
  | { kind: "truncated"; at: number }
  | { kind: "raw"; text: string }
  | { kind: "not-an-object"; value: unknown }
  | { kind: "invalid-utf8"; at: number; bytes: readonly number[] }
  | { kind: "none" };

const RAW_BODIES = [
  "{",
  '{"version":1,}',
  "{'version':1}",
  "NaN",
  "undefined",
  '{"version":1}garbage',
  '{"title":"a\u0000b"}',
  '{"version":1e999}',
  '{"version":1,"version":"2"}',
  '{"__proto__":{"admin":true},"version":1}',
  "[".repeat(50_000),
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  "\ufeff{}",
  "\u0000",
  "null",
];

/** Where to cut or corrupt the JSON text; fc.double would favour the very ends, outside any string. */
const fraction = fc.integer({ min: 1, max: 999 }).map((permille) => permille / 1000);

const envelope: fc.Arbitrary<Envelope> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "json" as const }) },
  { weight: 1, arbitrary: fraction.map((at) => ({ kind: "truncated" as const, at })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ kind: "raw" as const, text })) },
  {
    weight: 1,
    arbitrary: fc.oneof(wrongType, hostileText).map((value) => ({ kind: "not-an-object" as const, value })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("invalid-utf8" as const),
      at: fraction,
      bytes: fc.constantFrom([0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant("application/json") },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
      "",
    ),
  },
);

function encode(body: Fields, how: Envelope): string | Uint8Array<ArrayBuffer> | undefined {
  const json = JSON.stringify(body);
  switch (how.kind) {
    case "json":
      return json;
    case "truncated":
      return json.slice(0, Math.floor(json.length * how.at));
    case "raw":
      return how.text;
    case "not-an-object":
      return JSON.stringify(how.value) ?? "";
    case "invalid-utf8": {
      const bytes = new TextEncoder().encode(json);
      const at = Math.floor(bytes.length * how.at);
      return new Uint8Array([...bytes.subarray(0, at), ...how.bytes, ...bytes.subarray(at)]);
    }
    case "none":
      return undefined;
  }
}

type Identity = "reviewer1" | "reviewer2" | "editor" | "admin";
type Caller = Identity | "anonymous" | "forged";
const caller = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<Caller>("reviewer1", "reviewer2", "editor", "admin", "editor", "admin") },
  { weight: 1, arbitrary: fc.constantFrom<Caller>("anonymous", "forged") },
);
const FORGED_COOKIES = [
  "better-auth.session_token=abc.def",
  "better-auth.session_token=' OR 1=1 --.AAAA",
  "better-auth.session_token=%00.%00",
  "better-auth.session_token=.",
  `better-auth.session_token=${"A".repeat(8_000)}`,
];
function cookieOf(who: Caller, pick: number): string | undefined {
  if (who === "anonymous") return undefined;
  if (who === "forged") return FORGED_COOKIES[pick % FORGED_COOKIES.length];
  return cookies[who];
}

/** A target claim: most often one of the prepared claims (in every state), sometimes a hostile id. */
const claimTarget = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((index) => ({ pool: index })) },
  { weight: 1, arbitrary: hostileId.map((raw) => ({ raw })) },
);
type Target = { pool: number } | { raw: string };
function targetId(target: Target): string {
  return "pool" in target ? String(poolIds[target.pool % poolIds.length]) : target.raw;
}

/** A path with a hostile segment: what a client can put in a URL (a lone surrogate cannot be). */
function pathSegment(raw: string): string {
  try {
    return encodeURIComponent(raw);
  } catch {
    return "%ED%A0%80";
  }
}

// ---------------------------------------------------------------------------------------------
// What the database holds: a refused request must leave all of it as it was
// ---------------------------------------------------------------------------------------------

interface DatabaseState {
  claimCount: number;
  claims: string;
  poolVersions: Record<string, number>;
  /** The version of the claim the request names, null when it names none. */
  targetVersion: number | null;
  sourceCount: number;
  sources: string;
  events: number;
  corrections: number;
  userCount: number;
  users: string;
  sessions: number;
  accounts: number;
  articles: number;
}

async function databaseState(target?: string): Promise<DatabaseState> {
  const targetId = target !== undefined && /^[1-9][0-9]{0,8}$/.test(target) ? Number(target) : 0;
  const [state] = await database.prisma.$queryRaw<DatabaseState[]>`
    SELECT
      (SELECT count(*)::int FROM "Claim") AS "claimCount",
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, version, status, verdict, rationale, "assigneeId", "proposedById", "verifiedById"), E'\n' ORDER BY id), '')) FROM "Claim") AS claims,
      (SELECT json_object_agg(id, version) FROM "Claim" WHERE id = ANY(${poolIds})) AS "poolVersions",
      (SELECT version FROM "Claim" WHERE id = ${targetId}) AS "targetVersion",
      (SELECT count(*)::int FROM "Source") AS "sourceCount",
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, "claimId", url, title, publisher, excerpt, stance, "archiveUrl"), E'\n' ORDER BY id), '')) FROM "Source") AS sources,
      (SELECT count(*)::int FROM "ClaimEvent") AS events,
      (SELECT count(*)::int FROM "Correction") AS corrections,
      (SELECT count(*)::int FROM "User") AS "userCount",
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, email, name, role, active), E'\n' ORDER BY id), '')) FROM "User") AS users,
      (SELECT count(*)::int FROM "Session") AS sessions,
      (SELECT count(*)::int FROM "Account") AS accounts,
      (SELECT count(*)::int FROM "Article") AS articles`;
  return state!;
}

// ---------------------------------------------------------------------------------------------
// Running a route's property
// ---------------------------------------------------------------------------------------------

interface Outcome {
  status: number;
  body: unknown;
  /** For an accepted write: checks that what is stored is what was sent. */
  accepted?: (before: DatabaseState, after: DatabaseState, body: Record<string, unknown>) => Promise<void>;
  /** Reads never change anything, whatever they answer. */
  read?: boolean;
  /** Better Auth answers errors as { code, message } rather than { error }. */
  errorKey?: "error" | "message";
}

const tally = new Map<string, Map<number, number>>();
function count(route: string, status: number) {
  const statuses = tally.get(route) ?? new Map<number, number>();
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  tally.set(route, statuses);
}

async function answer(response: Response): Promise<{ status: number; body: unknown; contentType: string }> {
  const contentType = response.headers.get("content-type") ?? "";
  const text = await response.text();
  let body: unknown = text;
  if (/json/.test(contentType)) body = JSON.parse(text);
  return { status: response.status, body, contentType };
}

function preview(value: unknown): string {
  const text =
    JSON.stringify(value, (_key, item) => (typeof item === "symbol" ? item.toString() : item)) ?? String(value);
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}

async function checkOutcome(
  route: string,
  target: string | undefined,
  send: () => Promise<Omit<Outcome, "status" | "body"> & { response: Response }>,
) {
  const before = await databaseState(target);
  const { response, ...expectations } = await send();
  const { status, body, contentType } = await answer(response);
  count(route, status);
  const after = await databaseState(target);
  expect(status, `${route} answered ${status}: ${preview(body)}`).toBeGreaterThanOrEqual(200);
  expect(status, `${route} answered ${status}: ${preview(body)}`).toBeLessThan(500);
  if (status >= 400) {
    expect(contentType, `${route} answered ${status} without JSON`).toMatch(/application\/json/);
    const message = (body as Record<string, unknown>)[expectations.errorKey ?? "error"];
    expect(
      typeof message === "string" && message.length > 0,
      `${route} ${status} has no error message: ${preview(body)}`,
    ).toBe(true);
  }
  if (expectations.read || status >= 400) {
    expect(after, `${route} answered ${status} but changed the database`).toEqual(before);
    return;
  }
  await expectations.accepted?.(before, after, body as Record<string, unknown>);
}

async function runProperty<T>(route: string, runs: number, input: fc.Arbitrary<T>, send: (value: T) => Promise<void>) {
  const details = await fc.check(
    fc.asyncProperty(input, async (value) => {
      await send(value);
    }),
    { seed: SEED, numRuns: runs, ...(REPLAY_PATH ? { path: REPLAY_PATH } : {}), endOnFailure: true },
  );
  if (details.failed) {
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      [
        `${route} failed after ${details.numRuns} run(s): ${error}`,
        `Input: ${preview(details.counterexample?.[0])}`,
        `Replay: HOSTILE_SEED=${details.seed} HOSTILE_PATH=${details.counterexamplePath} npx vitest run ${TEST_FILE} -t "${route}"`,
      ].join("\n"),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Expectations for accepted writes: what is stored is what was sent, normalised
// ---------------------------------------------------------------------------------------------

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() : value);
const textOrNull = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const normalisedUrl = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? new URL(value.trim()).href : null;
/** Every stored link is plain ASCII: a look-alike host is kept as punycode, so it shows for what it is. */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

function isWellFormed(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/** Accepted text never holds NUL or broken UTF-16: PostgreSQL cannot store the first and would alter the second. */
function expectStorableText(values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string")
      expect(isWellFormed(value), `${key} was accepted with NUL or a lone surrogate`).toBe(true);
  }
}

async function expectSourceStored(sourceId: number, sent: Fields) {
  const stored = await database.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
  if ("url" in sent) {
    expect(stored.url).toBe(normalisedUrl(sent.url));
    expect(stored.url).toMatch(PRINTABLE_ASCII);
    expect(stored.url).toMatch(/^https?:\/\//);
  }
  if ("archiveUrl" in sent) {
    expect(stored.archiveUrl).toBe(normalisedUrl(sent.archiveUrl));
    if (stored.archiveUrl) expect(stored.archiveUrl).toMatch(PRINTABLE_ASCII);
  }
  if ("title" in sent) expect(stored.title).toBe(trimmed(sent.title));
  if ("publisher" in sent) expect(stored.publisher).toBe(textOrNull(sent.publisher));
  if ("excerpt" in sent) expect(stored.excerpt).toBe(textOrNull(sent.excerpt));
  if ("stance" in sent) expect(stored.stance).toBe(sent.stance);
  expectStorableText(sent);
}

// ---------------------------------------------------------------------------------------------
// Set-up: claims in every workflow state, signed-in users
// ---------------------------------------------------------------------------------------------

async function prepareClaim(
  claimId: number,
  upTo: "unreviewed" | "in_progress" | "awaiting_second_review" | "verified",
) {
  if (upTo === "unreviewed") return;
  const reviewer1 = userIds[0]!;
  const claimPath = `/api/claims/${claimId}`;
  const params = routeParams({ id: String(claimId) });
  const version = async () => (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).version;
  const expectOk = async (response: Response) =>
    expect(response.status, await response.clone().text()).toBeLessThan(300);

  await expectOk(
    await handlers.claim.PATCH(
      apiRequest(claimPath, {
        method: "PATCH",
        cookie: cookies.editor,
        json: { version: await version(), assigneeId: reviewer1, status: "in_progress" },
      }),
      params,
    ),
  );
  await expectOk(
    await handlers.addSource(
      apiRequest(`${claimPath}/sources`, {
        method: "POST",
        cookie: cookies.reviewer1,
        json: { url: `https://example.org/prepared/${claimId}`, title: "A prepared source", stance: "supports" },
      }),
      params,
    ),
  );
  if (upTo === "in_progress") return;
  await expectOk(
    await handlers.claim.PATCH(
      apiRequest(claimPath, {
        method: "PATCH",
        cookie: cookies.reviewer1,
        json: {
          version: await version(),
          verdict: "mostly_true",
          rationale: "The prepared rationale, long enough to propose.",
          status: "awaiting_second_review",
        },
      }),
      params,
    ),
  );
  if (upTo === "awaiting_second_review") return;
  await expectOk(
    await handlers.review(
      apiRequest(`${claimPath}/review`, {
        method: "POST",
        cookie: cookies.reviewer2,
        json: { version: await version(), decision: "approve" },
      }),
      params,
    ),
  );
}

beforeAll(async () => {
  console.info(`Hostile input seed: ${SEED}. Replay this run: HOSTILE_SEED=${SEED} npx vitest run ${TEST_FILE}`);
  database = await cloneSeededDatabase("hostile_input");
  // The route handlers read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  handlers = await loadHandlers();
  cookies = {
    reviewer1: await signInCookie(DEMO.reviewer1),
    reviewer2: await signInCookie(DEMO.reviewer2),
    editor: await signInCookie(DEMO.editor),
    admin: await signInCookie(DEMO.admin),
  };
  const users = await database.prisma.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true } });
  userIds = [DEMO.reviewer1, DEMO.reviewer2, DEMO.editor, DEMO.admin].map(
    (email) => users.find((user) => user.email === email)!.id,
  );
  const claims = await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 8 });
  poolIds = claims.map((claim) => claim.id);
  const seeded = await database.prisma.article.findFirstOrThrow({
    orderBy: { id: "asc" },
    select: { id: true, body: true },
  });
  // Characters outside the BMP are two UTF-16 units: a span may not cut one in half.
  const astral = await database.prisma.article.create({
    data: {
      slug: "hostile-astral",
      title: "Astral text",
      publishedAt: new Date("2024-05-31"),
      language: "en",
      body: ASTRAL_BODY,
    },
    select: { id: true, body: true },
  });
  articles = [seeded, astral];
  const states = [
    "unreviewed",
    "in_progress",
    "in_progress",
    "awaiting_second_review",
    "awaiting_second_review",
    "verified",
    "verified",
    "verified",
  ] as const;
  for (const [index, claimId] of poolIds.entries()) await prepareClaim(claimId, states[index]!);
});

afterAll(async () => {
  const rows = [...tally].map(([route, statuses]) => {
    const runs = [...statuses.values()].reduce((sum, n) => sum + n, 0);
    const answers = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
    return `  ${route.padEnd(44)} ${String(runs).padStart(5)}  ${answers}`;
  });
  const total = [...tally.values()].flatMap((statuses) => [...statuses.values()]).reduce((sum, n) => sum + n, 0);
  console.info([`Hostile input, seed ${SEED}: ${total} requests`, ...rows].join("\n"));
  await database.drop();
});

// ---------------------------------------------------------------------------------------------
// The routes
// ---------------------------------------------------------------------------------------------

const ASTRAL_BODY = Array.from(
  { length: 20 },
  (_, index) =>
    `Paragraph ${index}: the \u{1f1f2}\u{1f1f1} flag over Bamako, \u{1d54f} posts, 7.1 million \u{1f600} people in need.`,
).join("\n\n");

const STATUSES = ["unreviewed", "in_progress", "awaiting_second_review", "verified"];
const VERDICTS = [
  "unrated",
  "true",
  "mostly_true",
  "mixed",
  "mostly_false",
  "false",
  "misleading",
  "unverifiable",
  "not_a_claim",
];
const STANCES = ["supports", "refutes", "context"];

async function resolveVersion(value: unknown, claimId: string): Promise<unknown> {
  if (value !== CURRENT_VERSION) return value;
  const id = Number(claimId);
  const claim =
    Number.isInteger(id) && id > 0 && id < 2 ** 31
      ? await database.prisma.claim.findUnique({ where: { id }, select: { version: true } })
      : null;
  return claim?.version ?? 1;
}

async function resolveFields(body: Fields, claimId: string): Promise<Fields> {
  const resolved: Fields = {};
  for (const key of Object.keys(body)) {
    const value = key === "version" ? await resolveVersion(body[key], claimId) : body[key];
    Object.defineProperty(resolved, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return resolved;
}

const writeRequest = fc.record({ caller, cookiePick: fc.nat(), envelope, contentType });
type WriteRequest = { caller: Caller; cookiePick: number; envelope: Envelope; contentType: string };

function send(path: string, method: string, request: WriteRequest, body: Fields) {
  const payload = encode(body, request.envelope);
  return apiRequest(path, {
    method,
    cookie: cookieOf(request.caller, request.cookiePick),
    body: payload,
    headers: payload === undefined || request.contentType === "" ? {} : { "content-type": request.contentType },
  });
}

/** The query string of a list request: known and unknown keys, repeated keys, broken percent-encoding. */
const LIST_KEYS = ["status", "verdict", "topic", "article", "assignee", "q", "sort", "page", "pageSize", "cursor"];
const base64url = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
/** Cursors a client could forge: well-formed ones with odd keys, and broken ones. */
const FORGED_CURSORS = [
  { sort: "position", key: [1, 0, 0] },
  { sort: "position", key: [MAX_DB_INTEGER, MAX_DB_INTEGER, MAX_DB_INTEGER] },
  { sort: "position", key: [-1, 1.5, "1"] },
  { sort: "status", key: ["verified", 1, 0, 0] },
  { sort: "status", key: ["' OR 1=1 --", 1, 0, 0] },
  { sort: "verdict", key: ["false", 1, 0, 0] },
  { sort: "recent", key: ["2024-05-31T00:00:00Z", 1] },
  { sort: "recent", key: ["9999-12-31T23:59:59.999Z", MAX_DB_INTEGER] },
  { sort: "recent", key: ["0000-01-01T00:00:00Z", 0] },
  { sort: "recent", key: ["2024-02-30T25:61:61Z", 1] },
  { sort: "recent", key: ["2024-02-30T00:00:00Z", 1] },
  { sort: "recent", key: ["1970-01-01T00:00:00.000001Z", 1] },
  { sort: "recent", key: ["-271821-04-20T00:00:00Z", 1] },
  { sort: "recent", key: ["2024-05-31T00:00:00+14:00", 1] },
  { sort: "recent", key: ["2024-05-31T00:00:00", 1] },
  { sort: "position", key: [1, 0, 0], extra: 1 },
  { sort: "__proto__", key: [] },
  "\u0000",
  "not json",
].map(base64url);
const RAW_QUERIES = [
  "q=%",
  "q=%%",
  "q=%00",
  "q=a%00b",
  "topic=%00",
  "assignee=%00",
  "q=%E0%A4%A",
  "q=%ED%A0%80",
  "q=%C0%AF",
  "page=1&page=2",
  "pageSize=1e2",
  "sort=__proto__",
  "sort=constructor",
  "assignee[]=me",
  "status[$ne]=verified",
  "q=" + "a".repeat(10_000),
  "article=1.0",
  "article=0x1",
  "article=-1",
  "page=9999999999999999999",
  "&&&==&",
  "q=%2F%2A%2A%2F",
  "topic=%ED%A0%80",
];
const listValue = (key: string) => {
  switch (key) {
    case "status":
      return field(fc.constantFrom(...STATUSES));
    case "verdict":
      return field(fc.constantFrom(...VERDICTS));
    case "sort":
      return field(fc.constantFrom("position", "recent", "status", "verdict"));
    case "page":
    case "pageSize":
    case "article":
      return fc.oneof(fc.integer({ min: 1, max: 100 }), hostileNumber);
    case "assignee":
      return fc.oneof(
        fc.constantFrom("me", "none"),
        fc.nat().map((index) => ({ user: index })),
        hostileText,
      );
    case "cursor":
      return fc.oneof(fc.constantFrom(...FORGED_CURSORS), hostileText);
    default:
      return fc.oneof(plausibleText, hostileText);
  }
};
const listQuery = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.constantFrom(...LIST_KEYS).chain((key) => listValue(key).map((value) => [key, value] as const)),
        },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(hostileText, fc.constantFrom(...EXTRA_KEYS)), hostileText) },
      ),
      { maxLength: 4 },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
);

function queryString(query: string | readonly (readonly [string, unknown])[]): string {
  if (typeof query === "string") return query;
  const params = new URLSearchParams();
  for (const [key, value] of query) {
    const text =
      typeof value === "object" && value !== null && "user" in value
        ? userIds[(value as { user: number }).user % userIds.length]!
        : typeof value === "string"
          ? value
          : JSON.stringify(value);
    params.append(key, text ?? "");
  }
  return params.toString();
}

const signInBody = hostileOrValid(
  bodyOf({
    email: field(
      fc.constantFrom(
        DEMO.reviewer1,
        DEMO.editor,
        DEMO.admin,
        "nobody@example.org",
        "ADMIN@EXAMPLE.ORG",
        " admin@example.org ",
        "\u0430dmin@example.org",
        "admin@ex\u0430mple.org",
        "admin@example.org\u0000",
        "admin@example.org' OR '1'='1",
        "<script>@example.org",
        "a@b",
      ),
    ),
    password: field(fc.constantFrom(DEMO_PASSWORD, "wrong-password-1", "", `${DEMO_PASSWORD}\u0000`, "x".repeat(300))),
    name: field(fc.constantFrom("Mallory", "<img src=x onerror=alert(1)>")),
    rememberMe: field(fc.boolean()),
    callbackURL: field(fc.constantFrom("/claims", ...URL_PAYLOADS)),
  }),
  fc.record({ email: fc.constantFrom(DEMO.reviewer1, DEMO.editor, DEMO.admin), password: fc.constant(DEMO_PASSWORD) }),
);

describe(`hostile input (seed ${SEED})`, () => {
  it("GET /api/articles ignores any query", async () => {
    await runProperty("GET /api/articles", 40, fc.tuple(listQuery, caller, fc.nat()), async ([query, who, pick]) => {
      await checkOutcome("GET /api/articles", undefined, async () => ({
        response: await handlers.articles(
          apiRequest(`/api/articles?${queryString(query)}`, { cookie: cookieOf(who, pick) }),
          routeParams({}),
        ),
        read: true,
      }));
    });
  });

  const pathIdRoutes = [
    [
      "GET /api/articles/:id",
      (id: string, cookie?: string) =>
        handlers.article(apiRequest(`/api/articles/${pathSegment(id)}`, { cookie }), routeParams({ id })),
    ],
    [
      "GET /api/articles/:id/claimreview",
      (id: string, cookie?: string) =>
        handlers.articleClaimReview(
          apiRequest(`/api/articles/${pathSegment(id)}/claimreview`, { cookie }),
          routeParams({ id }),
        ),
    ],
    [
      "GET /api/claims/:id",
      (id: string, cookie?: string) =>
        handlers.claim.GET(apiRequest(`/api/claims/${pathSegment(id)}`, { cookie }), routeParams({ id })),
    ],
    [
      "GET /api/claims/:id/claimreview",
      (id: string, cookie?: string) =>
        handlers.claimClaimReview(
          apiRequest(`/api/claims/${pathSegment(id)}/claimreview`, { cookie }),
          routeParams({ id }),
        ),
    ],
  ] as const;
  for (const [route, call] of pathIdRoutes) {
    it(`${route} with hostile path ids`, async () => {
      const id = fc.oneof(claimTarget.map(targetId), fc.constant("1"));
      await runProperty(route, 80, fc.tuple(id, caller, fc.nat()), async ([raw, who, pick]) => {
        await checkOutcome(route, raw, async () => ({ response: await call(raw, cookieOf(who, pick)), read: true }));
      });
    });
  }

  it("GET /api/oembed with hostile addresses and sizes", async () => {
    const ourPage = claimTarget.map((target) => `http://localhost:3000/fact-checks/${pathSegment(targetId(target))}`);
    const address = fc.oneof(
      { weight: 4, arbitrary: ourPage },
      { weight: 1, arbitrary: ourPage.map((url) => `${url}/embed`) },
      { weight: 1, arbitrary: fc.constantFrom(...URL_PAYLOADS) },
      { weight: 1, arbitrary: hostileText },
    );
    const size = fc.option(
      fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 3000 }).map(String) },
        { weight: 1, arbitrary: hostileNumber.map(String) },
        { weight: 1, arbitrary: hostileText },
      ),
      { nil: undefined, freq: 2 },
    );
    const query = fc.record({ url: fc.option(address, { nil: undefined, freq: 10 }), maxwidth: size, maxheight: size });
    await runProperty("GET /api/oembed", 120, fc.tuple(query, caller, fc.nat()), async ([generated, who, pick]) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(generated)) if (value !== undefined) params.set(key, value);
      await checkOutcome("GET /api/oembed", undefined, async () => {
        const response = await handlers.oembed(apiRequest(`/api/oembed?${params}`, { cookie: cookieOf(who, pick) }));
        if (response.status === 200) {
          const answer = (await response.clone().json()) as { type: string; width: number; height: number };
          expect(answer.type).toBe("rich");
          expect(answer.width).toBeLessThanOrEqual(Number(generated.maxwidth ?? Infinity));
          expect(answer.height).toBeLessThanOrEqual(Number(generated.maxheight ?? Infinity));
        }
        return { response, read: true };
      });
    });
  });

  it("GET /api/claims with hostile query parameters", async () => {
    await runProperty("GET /api/claims", 220, fc.tuple(listQuery, caller, fc.nat()), async ([query, who, pick]) => {
      await checkOutcome("GET /api/claims", undefined, async () => {
        const response = await handlers.claims(
          apiRequest(`/api/claims?${queryString(query)}`, { cookie: cookieOf(who, pick) }),
          routeParams({}),
        );
        if (response.status === 200) expect(Array.isArray((await response.clone().json()).items)).toBe(true);
        return { response, read: true };
      });
    });
  });

  it("GET /api/claims/export.csv with hostile query parameters", async () => {
    await runProperty(
      "GET /api/claims/export.csv",
      120,
      fc.tuple(listQuery, caller, fc.nat()),
      async ([query, who, pick]) => {
        await checkOutcome("GET /api/claims/export.csv", undefined, async () => {
          const response = await handlers.exportCsv(
            apiRequest(`/api/claims/export.csv?${queryString(query)}`, { cookie: cookieOf(who, pick) }),
            routeParams({}),
          );
          if (response.status === 200) {
            expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
            expect(response.headers.get("content-disposition")).toMatch(
              /^attachment; filename="claims[A-Za-z0-9_-]*-\d{4}-\d\d-\d\d\.csv"$/,
            );
          }
          return { response, read: true };
        });
      },
    );
  });

  it("PATCH /api/claims/:id with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({
        version: versionField,
        status: field(fc.constantFrom(...STATUSES, "")),
        verdict: field(fc.constantFrom(...VERDICTS, "")),
        rationale: field(fc.oneof(plausibleText, hostileText)),
        assigneeId: field(
          fc.oneof(
            fc.nat().map((index) => ({ user: index })),
            fc.constant(null),
          ),
        ),
      }),
      fc.record(
        {
          version: fc.constant(CURRENT_VERSION),
          status: fc.constantFrom("in_progress", "awaiting_second_review"),
          verdict: fc.constantFrom(...VERDICTS.slice(1)),
          rationale: mostlyStorableText,
          assigneeId: fc.oneof(
            fc.nat().map((index) => ({ user: index })),
            fc.constant(null),
          ),
        },
        { requiredKeys: ["version"] },
      ),
    );
    await runProperty(
      "PATCH /api/claims/:id",
      300,
      fc.tuple(claimTarget, body, writeRequest),
      async ([target, generated, request]) => {
        const id = targetId(target);
        const fields = await resolveFields(generated, id);
        if (typeof fields.assigneeId === "object" && fields.assigneeId !== null && "user" in fields.assigneeId) {
          fields.assigneeId = userIds[(fields.assigneeId as { user: number }).user % userIds.length];
        }
        await checkOutcome("PATCH /api/claims/:id", id, async () => ({
          response: await handlers.claim.PATCH(
            send(`/api/claims/${pathSegment(id)}`, "PATCH", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after) => {
            expectStorableText(fields);
            const stored = await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(id) } });
            if ("rationale" in fields) expect(stored.rationale).toBe(textOrNull(fields.rationale));
            if (typeof fields.verdict === "string" && fields.verdict.trim() !== "")
              expect(stored.verdict).toBe(fields.verdict.trim());
            if (typeof fields.status === "string" && fields.status.trim() !== "")
              expect(stored.status).toBe(fields.status.trim());
            if ("assigneeId" in fields && stored.status !== "in_progress")
              expect(stored.assigneeId).toBe(trimmed(fields.assigneeId));
            expect(after.targetVersion! - before.targetVersion!).toBe(after.events - before.events);
            expect(after.events - before.events).toBeLessThanOrEqual(1);
            expect(after.sourceCount).toBe(before.sourceCount);
            expect(after.users).toBe(before.users);
          },
        }));
      },
    );
  });

  it("POST /api/claims/bulk with hostile bodies", async () => {
    const poolItem = fc.record({ pool: fc.nat(), version: versionField });
    const hostileItem = fc.oneof(
      { weight: 6, arbitrary: poolItem },
      { weight: 1, arbitrary: bodyOf({ id: hostileNumber, version: versionField }) },
      { weight: 1, arbitrary: wrongType },
    );
    const anyUser = fc.nat().map((index) => ({ user: index }));
    const storableTopic = storableText.map((text) => text.slice(0, 90).toWellFormed());
    const body = hostileOrValid(
      bodyOf({
        action: field(fc.constantFrom("assign", "release", "set_topic")),
        items: field(fc.array(hostileItem, { maxLength: 6 })),
        assigneeId: field(anyUser),
        topic: field(fc.oneof(storableTopic, hostileText)),
      }),
      fc
        .oneof(
          fc.record({ action: fc.constant("assign"), assigneeId: anyUser }),
          fc.record({ action: fc.constant("release") }),
          fc.record({ action: fc.constant("set_topic"), topic: fc.oneof(storableTopic, hostileText) }),
        )
        .chain((change) =>
          fc
            .uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 4 })
            .map((pools): Fields => ({ ...change, items: pools.map((pool) => ({ pool, version: CURRENT_VERSION })) })),
        ),
    );
    await runProperty("POST /api/claims/bulk", 200, fc.tuple(body, writeRequest), async ([generated, request]) => {
      const fields: Fields = { ...generated };
      if (Array.isArray(fields.items)) {
        fields.items = await Promise.all(
          fields.items.map(async (item: unknown) => {
            if (typeof item !== "object" || item === null || !("pool" in item)) return item;
            const { pool, version } = item as { pool: number; version: unknown };
            const id = poolIds[pool % poolIds.length]!;
            return { id, version: await resolveVersion(version, String(id)) };
          }),
        );
      }
      if (typeof fields.assigneeId === "object" && fields.assigneeId !== null && "user" in fields.assigneeId) {
        fields.assigneeId = userIds[(fields.assigneeId as { user: number }).user % userIds.length];
      }
      await checkOutcome("POST /api/claims/bulk", undefined, async () => ({
        response: await handlers.bulk(send("/api/claims/bulk", "POST", request, fields), routeParams({})),
        accepted: async (before, after, answer) => {
          expectStorableText(fields);
          const changed = answer.claims as { id: number; version: number; changed: boolean }[];
          expect(after.events - before.events).toBe(changed.filter((claim) => claim.changed).length);
          for (const claim of changed) {
            const stored = await database.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
            expect(stored.version).toBe(claim.version);
            expect(stored.version - before.poolVersions[claim.id]!).toBe(claim.changed ? 1 : 0);
            if (fields.action === "set_topic") expect(stored.topic).toBe(trimmed(fields.topic));
            if (fields.action === "assign") expect(stored.assigneeId).toBe(fields.assigneeId);
            if (fields.action === "release") expect(stored.assigneeId).toBeNull();
          }
          expect(after.sourceCount).toBe(before.sourceCount);
          expect(after.users).toBe(before.users);
        },
      }));
    });
  });

  it("POST /api/claims/:id/review with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({
        version: versionField,
        decision: field(fc.constantFrom("approve", "send_back")),
        comment: field(fc.oneof(plausibleText, hostileText)),
      }),
      fc.record({
        version: fc.constant(CURRENT_VERSION),
        decision: fc.constantFrom("approve", "send_back"),
        comment: mostlyStorableText,
      }),
    );
    await runProperty(
      "POST /api/claims/:id/review",
      200,
      fc.tuple(claimTarget, body, writeRequest),
      async ([target, generated, request]) => {
        const id = targetId(target);
        const fields = await resolveFields(generated, id);
        await checkOutcome("POST /api/claims/:id/review", id, async () => ({
          response: await handlers.review(
            send(`/api/claims/${pathSegment(id)}/review`, "POST", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after) => {
            expectStorableText(fields);
            const stored = await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(id) } });
            expect(stored.status).toBe(fields.decision === "approve" ? "verified" : "in_progress");
            expect(after.events).toBe(before.events + 1);
            expect(after.targetVersion).toBe(before.targetVersion! + 1);
            const event = await database.prisma.claimEvent.findFirstOrThrow({
              where: { claimId: Number(id) },
              orderBy: { id: "desc" },
            });
            if (typeof fields.comment === "string" && fields.comment.trim() !== "")
              expect((event.after as Fields).comment).toBe(fields.comment.trim());
          },
        }));
      },
    );
  });

  it("POST /api/claims/:id/reopen with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({ version: versionField, reason: field(fc.oneof(plausibleText, hostileText)) }),
      fc.record({ version: fc.constant(CURRENT_VERSION), reason: mostlyStorableText }),
    );
    await runProperty(
      "POST /api/claims/:id/reopen",
      200,
      fc.tuple(claimTarget, body, writeRequest),
      async ([target, generated, request]) => {
        const id = targetId(target);
        const fields = await resolveFields(generated, id);
        await checkOutcome("POST /api/claims/:id/reopen", id, async () => ({
          response: await handlers.reopen(
            send(`/api/claims/${pathSegment(id)}/reopen`, "POST", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after) => {
            expectStorableText(fields);
            expect(after.corrections).toBe(before.corrections + 1);
            expect(after.targetVersion).toBe(before.targetVersion! + 1);
            const correction = await database.prisma.correction.findFirstOrThrow({
              where: { claimId: Number(id) },
              orderBy: { id: "desc" },
            });
            expect(correction.reason).toBe(trimmed(fields.reason));
            expect((await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(id) } })).status).toBe(
              "in_progress",
            );
          },
        }));
      },
    );
  });

  it("POST /api/claims/:id/retract with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({ version: versionField, reason: field(fc.oneof(plausibleText, hostileText)) }),
      fc.record({ version: fc.constant(CURRENT_VERSION), reason: mostlyStorableText }),
    );
    await runProperty(
      "POST /api/claims/:id/retract",
      200,
      fc.tuple(claimTarget, body, writeRequest),
      async ([target, generated, request]) => {
        const id = targetId(target);
        const fields = await resolveFields(generated, id);
        await checkOutcome("POST /api/claims/:id/retract", id, async () => ({
          response: await handlers.retract(
            send(`/api/claims/${pathSegment(id)}/retract`, "POST", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after) => {
            expectStorableText(fields);
            expect(after.targetVersion).toBe(before.targetVersion! + 1);
            const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: Number(id) } });
            expect(claim).toMatchObject({ status: "verified", retractionReason: trimmed(fields.reason) });
          },
        }));
      },
    );
  });

  const sourceFields = {
    url: field(
      fc.oneof(
        fc.constantFrom(...URL_PAYLOADS),
        fc.webUrl({ validSchemes: ["https", "http"] }),
        fc.string({ maxLength: 20 }).map((path) => `https://example.org/${encodeURIComponent(path)}`),
      ),
    ),
    title: field(fc.oneof(plausibleText, hostileText)),
    publisher: field(fc.oneof(plausibleText, hostileText, fc.constant(null))),
    excerpt: field(fc.oneof(plausibleText, hostileText, fc.constant(null))),
    stance: field(fc.constantFrom(...STANCES)),
    archiveUrl: field(fc.oneof(fc.constantFrom(...URL_PAYLOADS), fc.webUrl(), fc.constant(null), fc.constant(""))),
  };

  const validSource = {
    url: fc.oneof(
      fc.constantFrom(...URL_PAYLOADS.slice(19, 23)),
      fc.webUrl({ validSchemes: ["https", "http"] }).filter((url) => url.length < 2_000),
    ),
    title: mostlyStorableText,
    publisher: fc.oneof(
      storableText.map((text) => text.slice(0, 200)),
      fc.constant(null),
    ),
    excerpt: fc.oneof(mostlyStorableText, fc.constant(null)),
    stance: fc.constantFrom(...STANCES),
    archiveUrl: fc.oneof(
      fc.webUrl({ validSchemes: ["https"] }).filter((url) => url.length < 2_000),
      fc.constant(null),
    ),
  };

  it("POST /api/claims/:id/sources with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({ version: versionField, ...sourceFields }),
      fc.record(
        { version: fc.constant(CURRENT_VERSION), ...validSource },
        { requiredKeys: ["url", "title", "stance"] },
      ),
    );
    await runProperty(
      "POST /api/claims/:id/sources",
      300,
      fc.tuple(claimTarget, body, writeRequest),
      async ([target, generated, request]) => {
        const id = targetId(target);
        const fields = await resolveFields(generated, id);
        await checkOutcome("POST /api/claims/:id/sources", id, async () => ({
          response: await handlers.addSource(
            send(`/api/claims/${pathSegment(id)}/sources`, "POST", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after, answer) => {
            expect(after.sourceCount).toBe(before.sourceCount + 1);
            expect(after.events).toBe(before.events + 1);
            expect(after.targetVersion).toBe(before.targetVersion! + 1);
            await expectSourceStored(answer.id as number, fields);
          },
        }));
      },
    );
  });

  /** A source of the target claim when it has one, else a hostile or unknown id. */
  const sourceTarget = fc.oneof(
    { weight: 5, arbitrary: fc.constant(EXISTING_SOURCE) },
    { weight: 1, arbitrary: hostileId },
    { weight: 1, arbitrary: fc.constant("1") },
  );
  async function resolveSource(value: string | typeof EXISTING_SOURCE, claimId: string): Promise<string> {
    if (value !== EXISTING_SOURCE) return value;
    const source = /^[1-9][0-9]{0,8}$/.test(claimId)
      ? await database.prisma.source.findFirst({
          where: { claimId: Number(claimId) },
          orderBy: { id: "desc" },
          select: { id: true },
        })
      : null;
    return String(source?.id ?? 999_999);
  }

  it("PATCH /api/claims/:id/sources/:sourceId with hostile bodies", async () => {
    const body = hostileOrValid(
      bodyOf({ version: versionField, ...sourceFields }),
      fc.record({ version: fc.constant(CURRENT_VERSION), ...validSource }, { requiredKeys: ["version"] }),
    );
    await runProperty(
      "PATCH /api/claims/:id/sources/:sourceId",
      250,
      fc.tuple(claimTarget, sourceTarget, body, writeRequest),
      async ([target, sourceValue, generated, request]) => {
        const id = targetId(target);
        const sourceId = await resolveSource(sourceValue, id);
        const fields = await resolveFields(generated, id);
        await checkOutcome("PATCH /api/claims/:id/sources/:sourceId", id, async () => ({
          response: await handlers.source.PATCH(
            send(`/api/claims/${pathSegment(id)}/sources/${pathSegment(sourceId)}`, "PATCH", request, fields),
            routeParams({ id, sourceId }),
          ),
          accepted: async (before, after) => {
            expect(after.sourceCount).toBe(before.sourceCount);
            expect(after.targetVersion! - before.targetVersion!).toBe(after.events - before.events);
            await expectSourceStored(Number(sourceId), fields);
          },
        }));
      },
    );
  });

  it("DELETE /api/claims/:id/sources/:sourceId with hostile bodies", async () => {
    const body = bodyOf({ version: versionField });
    await runProperty(
      "DELETE /api/claims/:id/sources/:sourceId",
      150,
      fc.tuple(claimTarget, sourceTarget, body, writeRequest),
      async ([target, sourceValue, generated, request]) => {
        const id = targetId(target);
        const sourceId = await resolveSource(sourceValue, id);
        const fields = await resolveFields(generated, id);
        await checkOutcome("DELETE /api/claims/:id/sources/:sourceId", id, async () => ({
          response: await handlers.source.DELETE(
            send(`/api/claims/${pathSegment(id)}/sources/${pathSegment(sourceId)}`, "DELETE", request, fields),
            routeParams({ id, sourceId }),
          ),
          accepted: async (before, after) => {
            expect(after.sourceCount).toBe(before.sourceCount - 1);
            expect(after.targetVersion).toBe(before.targetVersion! + 1);
            expect(await database.prisma.source.findUnique({ where: { id: Number(sourceId) } })).toBeNull();
          },
        }));
      },
    );
  });

  it("POST /api/auth/sign-in/email (and the disabled sign-up) with hostile bodies", async () => {
    const authRequest = fc.record({
      path: fc.oneof(
        { weight: 5, arbitrary: fc.constant("/api/auth/sign-in/email") },
        { weight: 1, arbitrary: fc.constant("/api/auth/sign-up/email") },
      ),
      envelope,
      contentType,
      forwardedFor: fc.constantFrom("", "203.0.113.1", "203.0.113.2, 10.0.0.1", "not-an-ip", "' OR 1=1 --", "::1"),
    });
    await runProperty("POST /api/auth/[...all]", 150, fc.tuple(signInBody, authRequest), async ([fields, request]) => {
      const payload = encode(fields, request.envelope);
      const headers: Record<string, string> = { origin: "http://localhost:3000" };
      if (payload !== undefined && request.contentType !== "") headers["content-type"] = request.contentType;
      if (request.forwardedFor) headers["x-forwarded-for"] = request.forwardedFor;
      await checkOutcome("POST /api/auth/[...all]", undefined, async () => ({
        response: await handlers.auth(apiRequest(request.path, { method: "POST", body: payload, headers })),
        errorKey: "message",
        accepted: async (before, after) => {
          expect(request.path).toBe("/api/auth/sign-in/email");
          expect(fields.password).toBe(DEMO_PASSWORD);
          expect(Object.values(DEMO)).toContain(String(fields.email).trim().toLowerCase());
          expect(after.sessions).toBe(before.sessions + 1);
          expect({ ...after, sessions: before.sessions }).toEqual(before);
        },
      }));
    });
  });

  it("POST /api/articles/:id/claims with hostile bodies", async () => {
    const offset = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 40_000 }) }, { weight: 1, arbitrary: hostileNumber });
    const body = hostileOrValid(
      bodyOf({
        startOffset: offset,
        endOffset: offset,
        statement: field(fc.oneof(plausibleText, hostileText)),
        topic: field(fc.oneof(plausibleText, hostileText)),
        attributedTo: field(fc.oneof(plausibleText, hostileText)),
      }),
      fc
        .record({
          article: fc.nat(),
          start: fc.nat({ max: 40_000 }),
          length: fc.integer({ min: 1, max: 300 }),
          statement: mostlyStorableText,
          topic: mostlyStorableText,
          attributedTo: fc.option(mostlyStorableText, { nil: undefined }),
        })
        .map(({ article, start, length, ...text }): Fields => {
          const { id, body } = articles[article % articles.length]!;
          const startOffset = start % body.length;
          return {
            articleId: id,
            startOffset,
            endOffset: startOffset + length,
            ...text,
            topic: text.topic.slice(0, 100),
          };
        }),
    );
    const articleTarget = fc.oneof(
      { weight: 6, arbitrary: fc.nat().map((index) => ({ index })) },
      { weight: 1, arbitrary: hostileId.map((raw) => ({ raw })) },
    );
    await runProperty(
      "POST /api/articles/:id/claims",
      150,
      fc.tuple(articleTarget, body, writeRequest),
      async ([target, generated, request]) => {
        // A well-formed body names its article (for offsets inside it); the hostile ones go to any.
        const { articleId, ...fields } = generated;
        const id =
          articleId !== undefined
            ? String(articleId)
            : "raw" in target
              ? target.raw
              : String(articles[target.index % articles.length]!.id);
        const article = articles.find((candidate) => String(candidate.id) === id);
        await checkOutcome("POST /api/articles/:id/claims", undefined, async () => ({
          response: await handlers.addClaim(
            send(`/api/articles/${pathSegment(id)}/claims`, "POST", request, fields),
            routeParams({ id }),
          ),
          accepted: async (before, after, answer) => {
            expectStorableText(fields);
            expect(after.claimCount).toBe(before.claimCount + 1);
            expect(after.events).toBe(before.events + 1);
            const stored = await database.prisma.claim.findUniqueOrThrow({ where: { id: answer.id as number } });
            expect(stored.statement).toBe(trimmed(fields.statement));
            expect(stored.topic).toBe(trimmed(fields.topic));
            expect(stored.attributedTo).toBe(textOrNull(fields.attributedTo));
            expect(stored.quote).toBe(article!.body.slice(stored.startOffset, stored.endOffset));
            expect(stored.quote.isWellFormed()).toBe(true);
          },
        }));
      },
    );
  });

  it("POST /api/articles with deeply nested or dense HTML", async () => {
    // Under the 1 MB limit; each took seconds to minutes to reduce, and the deepest answered 500 (a stack overflow).
    const nested = (open: string, close: string, levels: number) => `${open.repeat(levels)}x${close.repeat(levels)}`;
    const bodies = [
      nested("<div>", "</div>", 20_000),
      nested("<div>", "</div>", 40_000),
      nested("<div>", "</div>", 80_000),
      nested("<span>", "</span>", 70_000),
      nested("<b>", "</b>", 80_000),
      nested("<ul><li>", "</li></ul>", 50_000),
      nested("<table><tr><td>", "</td></tr></table>", 25_000),
      "<div>".repeat(180_000),
      "<div/>".repeat(150_000),
      `${"<div>".repeat(250)}${"<p>words</p>".repeat(70_000)}`,
      `<ol>${"<li>item</li>".repeat(70_000)}</ol>`,
      `<div>${"<a href='/x'>link</a> ".repeat(40_000)}</div>`,
    ];
    for (const html of bodies) {
      const request = apiRequest("/api/articles", {
        method: "POST",
        cookie: cookies.editor,
        json: { title: "Nested", language: "en", html },
      });
      let fields: unknown;
      await checkOutcome("POST /api/articles", undefined, async () => {
        const response = await handlers.addArticle(request, routeParams({}));
        fields = ((await response.clone().json()) as { fields?: unknown }).fields;
        return { response };
      });
      expect(fields, preview(html)).toEqual({ html: [expect.stringMatching(/^This HTML (nests|has more than)/)] });
    }
  });

  it("every other route under app/api, found on disk, with generic hostile input", async () => {
    const uncovered = apiRoutes().flatMap((route) =>
      route.methods.filter((method) => !COVERED.has(`${method} ${route.path}`)).map((method) => ({ ...route, method })),
    );
    for (const route of uncovered) {
      const name = `${route.method} ${route.path}`;
      const handler = (await import(/* @vite-ignore */ route.file))[route.method] as RouteHandler;
      const input = fc.tuple(
        fc.array(claimTarget, { minLength: 3, maxLength: 3 }),
        genericBody,
        listQuery,
        writeRequest,
      );
      await runProperty(name, GENERIC_RUNS, input, async ([targets, generated, query, request]) => {
        const params = Object.fromEntries(route.params.map((param, index) => [param, targetId(targets[index]!)]));
        const target = params.id;
        const fields = await resolveFields(generated, target ?? "");
        const url = `${route.path.replace(/\[([^\]]+)\]/g, (_match, param: string) => pathSegment(params[param]!))}${route.method === "GET" ? `?${queryString(query)}` : ""}`;
        await checkOutcome(name, target, async () => ({
          response: await handler(
            route.method === "GET"
              ? apiRequest(url, { cookie: cookieOf(request.caller, request.cookiePick) })
              : send(url, route.method, request, fields),
            routeParams(params),
          ),
          read: route.method === "GET",
        }));
      });
    }
  });
});

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** What the tests above cover with generators of their own; everything else gets the generic sweep. */
const COVERED = new Set([
  "GET /api/articles",
  "GET /api/articles/[id]",
  "GET /api/articles/[id]/claimreview",
  "GET /api/claims",
  "GET /api/claims/export.csv",
  "GET /api/claims/[id]",
  "PATCH /api/claims/[id]",
  "POST /api/claims/bulk",
  "POST /api/claims/[id]/review",
  "POST /api/claims/[id]/reopen",
  "POST /api/claims/[id]/retract",
  "POST /api/claims/[id]/sources",
  "PATCH /api/claims/[id]/sources/[sourceId]",
  "DELETE /api/claims/[id]/sources/[sourceId]",
  "GET /api/claims/[id]/claimreview",
  "GET /api/oembed",
  "POST /api/articles/[id]/claims",
  "POST /api/auth/[...all]",
  // Better Auth's GET endpoints (session, sign-out links) take no body; the session cookie is fuzzed on every route.
  "GET /api/auth/[...all]",
  // No input: the OpenAPI document.
  "GET /api/openapi.json",
]);
const GENERIC_RUNS = 40;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route handler under app/api, from the file system, so that a new route cannot be left out. */
function apiRoutes(): { path: string; file: string; params: string[]; methods: string[] }[] {
  const root = path.resolve(import.meta.dirname, "../../app/api");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts",
  );
  return files.map((file) => {
    const directory = path.dirname(file) === "." ? "" : `/${path.dirname(file).split(path.sep).join("/")}`;
    const source = readFileSync(path.join(root, file), "utf8");
    return {
      path: `/api${directory}`,
      file: path.join(root, file),
      params: [...directory.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!),
      methods: HTTP_METHODS.filter((method) =>
        new RegExp(`export (const|async function|function) ${method}\\b`).test(source),
      ),
    };
  });
}

const GENERIC_KEYS = [
  "version",
  "id",
  "title",
  "url",
  "body",
  "text",
  "quote",
  "statement",
  "topic",
  "name",
  "email",
  "status",
  "reason",
  "publishedAt",
  "startOffset",
  "endOffset",
];
const genericBody = fc.oneof(
  bodyOf({ version: versionField }),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...GENERIC_KEYS), fc.string({ maxLength: 8 })),
        fc.oneof(hostileText, hostileNumber, wrongType, plausibleText),
      ),
      { maxLength: 6 },
    )
    .map((entries) => {
      const body: Fields = {};
      for (const [key, value] of entries)
        Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
      return body;
    }),
);
