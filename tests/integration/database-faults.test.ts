import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CONNECTION_TIMEOUT_MS, createPrismaClient, QUERY_TIMEOUT_MS } from "@/lib/prisma-client";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { startEmbeddedServer } from "@/scripts/lib/database";
import { createMigratedDatabase, freePort } from "@/scripts/lib/test-database";
import { apiRequest, DEMO, routeParams, signInCookie } from "@/tests/support/api";

/*
 * Four clients keep reading and writing through the real route handlers while PostgreSQL fails
 * under them: first it is stopped (fast shutdown: sessions cut, open transactions rolled back) and
 * started again on the same data folder and port; then it is frozen (SIGSTOP: connections stay
 * open, nothing answers) and thawed. While it is down, and after, a visitor also signs in through
 * Better Auth. The server is this file's own: the shared test server of global-setup.ts is never
 * touched.
 *
 * The handlers run in this process with the app's own modules: lib/db.ts's one Prisma client,
 * @prisma/adapter-pg's pg.Pool with the options of lib/prisma-client.ts, lib/api.ts's error
 * handling. That is the code a production server runs for each request; only Next's HTTP layer is
 * left out, and it neither retries nor times out requests.
 */

const WARM_UP_MS = 1_500;
const HELD_DOWN_MS = 3_000;
const DATABASE_TIMEOUT_MS = Math.max(CONNECTION_TIMEOUT_MS, QUERY_TIMEOUT_MS);
/** Longer than the app's timeouts, so that a request waiting on a frozen server must give up. */
const FROZEN_MS = DATABASE_TIMEOUT_MS + 1_500;
const AFTER_RETURN_MS = 2_500;
const THINK_MS = 15;
/** A request that takes longer than this is a hang, whatever it answers in the end. */
const HANG_MS = 15_000;
const MAX_DOWN_LATENCY_MS = 3_000;
const MAX_FROZEN_LATENCY_MS = DATABASE_TIMEOUT_MS + 1_000;
const MAX_RECOVERY_MS = 5_000;
const WRITE_CLAIM_COUNT = 6;
const VERDICTS = ["true", "mostly_true", "mixed", "mostly_false", "false"] as const;
const UNAVAILABLE_MESSAGE = "The database is unavailable. Try again in a few seconds.";

type Kind = "list" | "read" | "verdict" | "source" | "sign-in";
/** What a write asked for, unique to it, so that it can be looked for in the database afterwards. */
type Write = { kind: "verdict"; claimId: number; rationale: string } | { kind: "source"; claimId: number; url: string };

interface Answer {
  client: string;
  kind: Kind;
  start: number;
  end: number;
  /** The HTTP status; 0 when no answer came within HANG_MS, -1 when the handler threw. */
  status: number;
  error?: string;
  write?: Write;
}

/** performance.now() marks of one fault. */
interface Timeline {
  t0: number;
  faultStarted: number;
  /** From here to `returnStarted` nothing can answer: the server is stopped or frozen. */
  down: number;
  returnStarted: number;
  back: number;
  stalledWrites: number;
}

let parentDir: string;
let port: number;
let dataDir: string;
let stopServer: (() => Promise<void>) | null = null;
let frozenPids: number[] = [];
let databaseUrl: string;
let databaseName: string;
let checker: PrismaClient;
let appClient: PrismaClient;
let writeClaimIds: number[];
let cookies: Record<keyof typeof DEMO, string>;
let routes: {
  listClaims: typeof import("@/app/api/claims/route").GET;
  getClaim: typeof import("@/app/api/claims/[id]/route").GET;
  patchClaim: typeof import("@/app/api/claims/[id]/route").PATCH;
  addSource: typeof import("@/app/api/claims/[id]/sources/route").POST;
  auth: typeof import("@/app/api/auth/[...all]/route").POST;
};
const processFailures: string[] = [];
const recordUncaught = (error: unknown) => processFailures.push(describeError(error));

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function startPostgres(): Promise<string> {
  const server = await startEmbeddedServer({ dataDir, port, persistent: true });
  stopServer = server.stop;
  return server.adminUrl;
}

function thaw() {
  for (const pid of frozenPids) process.kill(pid, "SIGCONT");
  frozenPids = [];
}

beforeAll(async () => {
  process.on("uncaughtException", recordUncaught);
  process.on("unhandledRejection", recordUncaught);
  parentDir = mkdtempSync(path.join(tmpdir(), "factcheck-faults-"));
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parentDir, 0o755);
  dataDir = path.join(parentDir, "postgres");
  port = await freePort();
  const database = await createMigratedDatabase(await startPostgres(), "faults");
  databaseUrl = database.url;
  databaseName = database.name;
  // The app caches its Prisma client and environment per process on first use: set the URL first.
  process.env.DATABASE_URL = databaseUrl;
  routes = {
    listClaims: (await import("@/app/api/claims/route")).GET,
    getClaim: (await import("@/app/api/claims/[id]/route")).GET,
    patchClaim: (await import("@/app/api/claims/[id]/route")).PATCH,
    addSource: (await import("@/app/api/claims/[id]/sources/route")).POST,
    auth: (await import("@/app/api/auth/[...all]/route")).POST,
  };
  appClient = (await import("@/lib/db")).db();
  checker = createPrismaClient(databaseUrl);
  const names = Object.keys(DEMO) as (keyof typeof DEMO)[];
  cookies = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await signInCookie(DEMO[name])])),
  ) as typeof cookies;
  const claims = await checker.claim.findMany({
    select: { id: true },
    orderBy: { id: "asc" },
    take: WRITE_CLAIM_COUNT,
  });
  writeClaimIds = claims.map((claim) => claim.id);
});

afterAll(async () => {
  thaw();
  process.off("uncaughtException", recordUncaught);
  process.off("unhandledRejection", recordUncaught);
  await appClient?.$disconnect();
  await checker?.$disconnect();
  await stopServer?.();
  if (parentDir) rmSync(parentDir, { recursive: true, force: true });
});

/** Runs one request against a handler and records its answer; never throws, never waits past HANG_MS. */
async function timed(
  client: string,
  kind: Kind,
  call: () => Promise<Response>,
  options: { write?: Write; onAnswer?: (status: number, body: Record<string, unknown>) => void } = {},
): Promise<Answer> {
  const start = performance.now();
  const base = { client, kind, start, write: options.write };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => {
    timer = setTimeout(() => resolve("hang"), HANG_MS);
  });
  try {
    const response = await Promise.race([call(), hang]);
    if (response === "hang") return { ...base, end: performance.now(), status: 0, error: "no answer" };
    const body = (await response.json()) as Record<string, unknown>;
    const end = performance.now();
    options.onAnswer?.(response.status, body);
    return { ...base, end, status: response.status, ...(response.status >= 400 ? { error: String(body.error) } : {}) };
  } catch (error) {
    return { ...base, end: performance.now(), status: -1, error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The item at `index`, counting round the list again past its end. */
function cycle<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error("The list is empty.");
  return item;
}

interface Load {
  run: string;
  answers: Answer[];
  stopping: boolean;
}

async function reader(load: Load, name: "reviewer1" | "reviewer2") {
  const cookie = cookies[name];
  for (let turn = 0; !load.stopping; turn++) {
    const claimId = String(cycle(writeClaimIds, turn));
    load.answers.push(
      turn % 2 === 0
        ? await timed(name, "list", () =>
            routes.listClaims(apiRequest("/api/claims?pageSize=20", { cookie }), routeParams({})),
          )
        : await timed(name, "read", () =>
            routes.getClaim(apiRequest(`/api/claims/${claimId}`, { cookie }), routeParams({ id: claimId })),
          ),
    );
    await sleep(THINK_MS);
  }
}

/**
 * Changes the verdict of one of its claims (with the version it last saw), adds a source to it, and
 * moves to the next, as an editor would. After a 503 it may not know the version: a 409 tells it.
 */
async function writer(load: Load, name: "editor" | "admin") {
  const cookie = cookies[name];
  const ownClaimIds = writeClaimIds.filter((_, index) => index % 2 === (name === "editor" ? 0 : 1));
  const stored = await checker.claim.findMany({
    where: { id: { in: ownClaimIds } },
    select: { id: true, version: true },
  });
  const versions = new Map(stored.map((claim) => [claim.id, claim.version]));
  const learnVersion = (claimId: number) => (status: number, body: Record<string, unknown>) => {
    if (status === 200) versions.set(claimId, body.version as number);
    if (status === 201) versions.set(claimId, body.claimVersion as number);
    if (status === 409) versions.set(claimId, (body.current as { version: number }).version);
  };
  for (let turn = 0; !load.stopping; turn++) {
    const claimId = cycle(ownClaimIds, Math.floor(turn / 2));
    const params = routeParams({ id: String(claimId) });
    const tag = `${load.run} ${name} ${turn}`;
    if (turn % 2 === 0) {
      const verdict = cycle(VERDICTS, turn);
      const rationale = `Fault test: ${tag}, verdict ${verdict}.`;
      const json = { version: versions.get(claimId), verdict, rationale };
      const request = () => apiRequest(`/api/claims/${claimId}`, { method: "PATCH", cookie, json });
      load.answers.push(
        await timed(name, "verdict", () => routes.patchClaim(request(), params), {
          write: { kind: "verdict", claimId, rationale },
          onAnswer: learnVersion(claimId),
        }),
      );
    } else {
      const url = `https://example.org/fault-test/${tag.replaceAll(" ", "/")}`;
      const json = { url, title: `Fault test source ${tag}`, stance: "context" };
      const request = () => apiRequest(`/api/claims/${claimId}/sources`, { method: "POST", cookie, json });
      load.answers.push(
        await timed(name, "source", () => routes.addSource(request(), params), {
          write: { kind: "source", claimId, url },
          onAnswer: learnVersion(claimId),
        }),
      );
    }
    await sleep(THINK_MS);
  }
}

/** Signs in through Better Auth's endpoint (the one route that is not the app's own code). */
function signIn(load: Load) {
  const json = { email: DEMO.editor, password: DEMO_PASSWORD };
  const request = () =>
    apiRequest("/api/auth/sign-in/email", { method: "POST", json, origin: "http://localhost:3000" });
  return timed("visitor", "sign-in", () => routes.auth(request())).then((answer) => load.answers.push(answer));
}

/** Runs the four clients, brings the fault on after a warm-up, and lets them go on after the database is back. */
async function underLoad(
  run: string,
  fault: (load: Load) => Promise<Omit<Timeline, "t0">>,
): Promise<{ answers: Answer[]; timeline: Timeline }> {
  const load: Load = { run, answers: [], stopping: false };
  const t0 = performance.now();
  const clients = [reader(load, "reviewer1"), reader(load, "reviewer2"), writer(load, "editor"), writer(load, "admin")];
  await sleep(WARM_UP_MS);
  const marks = await fault(load);
  await sleep(AFTER_RETURN_MS);
  load.stopping = true;
  await Promise.all(clients);
  return { answers: load.answers, timeline: { t0, ...marks } };
}

/**
 * Takes a lock that every insert into ClaimEvent waits for, and returns once both writers are stuck
 * on it: each is then inside its write (one statement: the claim updated, the new source inserted,
 * the history event waiting), which PostgreSQL applies whole or not at all. The fault that follows
 * catches them there. `release` ends the lock's session.
 */
async function stallWritersMidTransaction(): Promise<{ stalled: number; release: () => Promise<void> }> {
  const holder = new pg.Client({ connectionString: databaseUrl });
  // A fast shutdown ends this session too.
  holder.on("error", () => {});
  await holder.connect();
  await holder.query('BEGIN; LOCK TABLE "ClaimEvent" IN SHARE MODE');
  const deadline = performance.now() + 10_000;
  let stalled = 0;
  while (stalled < 2 && performance.now() < deadline) {
    await sleep(20);
    const rows = await checker.$queryRaw<{ stalled: number }[]>`
      SELECT count(*)::int AS stalled FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~ 'INSERT INTO ("public"\.)?"ClaimEvent"'`;
    stalled = rows[0]?.stalled ?? 0;
  }
  return { stalled, release: () => holder.end() };
}

async function restartPostgres(load: Load): Promise<Omit<Timeline, "t0">> {
  const stall = await stallWritersMidTransaction();
  const faultStarted = performance.now();
  await stopServer?.();
  stopServer = null;
  const down = performance.now();
  await Promise.all([signIn(load), sleep(HELD_DOWN_MS)]);
  const returnStarted = performance.now();
  await startPostgres();
  const back = performance.now();
  await stall.release();
  await sleep(AFTER_RETURN_MS / 2);
  await signIn(load);
  return { faultStarted, down, returnStarted, back, stalledWrites: stall.stalled };
}

function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/**
 * SIGSTOP to the postmaster (first, so that it starts no new backend) and to every process it
 * started, while the writers are stalled mid-transaction; SIGCONT after FROZEN_MS.
 */
async function freezePostgres(): Promise<Omit<Timeline, "t0">> {
  const stall = await stallWritersMidTransaction();
  const faultStarted = performance.now();
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(postmaster, "SIGSTOP");
  frozenPids.push(postmaster);
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const pid = Number(entry);
    try {
      if (parentPid(pid) !== postmaster) continue;
    } catch {
      continue; // the process ended meanwhile
    }
    process.kill(pid, "SIGSTOP");
    frozenPids.push(pid);
  }
  const down = performance.now();
  await sleep(FROZEN_MS);
  const returnStarted = performance.now();
  thaw();
  const back = performance.now();
  await stall.release();
  return { faultStarted, down, returnStarted, back, stalledWrites: stall.stalled };
}

function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.status] = (counts[answer.status] ?? 0) + 1;
  return counts;
}

const isSuccess = (answer: Answer) => answer.status >= 200 && answer.status < 300;
const maxLatency = (answers: Answer[]) =>
  Math.round(Math.max(0, ...answers.map((answer) => answer.end - answer.start)));

interface StoredEvent {
  action: string;
  after: Record<string, unknown> | null;
}

async function storedClaims() {
  const claims = await checker.claim.findMany({
    where: { id: { in: writeClaimIds } },
    select: {
      id: true,
      version: true,
      status: true,
      verdict: true,
      rationale: true,
      sources: { select: { id: true, url: true }, orderBy: { id: "asc" } },
      events: { select: { action: true, after: true }, orderBy: { id: "asc" } },
    },
  });
  return new Map(claims.map((claim) => [claim.id, { ...claim, events: claim.events as StoredEvent[] }]));
}
type StoredClaim = NonNullable<ReturnType<Awaited<ReturnType<typeof storedClaims>>["get"]>>;

function isStored(write: Write, claims: Map<number, StoredClaim>): boolean {
  const claim = claims.get(write.claimId);
  if (write.kind === "source") return claim?.sources.some((source) => source.url === write.url) ?? false;
  return claim?.events.some((event) => event.after?.rationale === write.rationale) ?? false;
}

/** Where the claim row, its sources and its history disagree: what a half-done write would leave. */
function disagreements(claim: StoredClaim): string[] {
  const found: string[] = [];
  // Seeded claims start at version 1, with no sources and no history: every write since then bumped
  // the version once and left one event.
  if (claim.version !== 1 + claim.events.length)
    found.push(`claim ${claim.id}: version ${claim.version} after ${claim.events.length} events`);
  const addedIds = claim.events
    .filter((event) => event.action === "source_added")
    .map((event) => Number(event.after?.id));
  const sourceIds = claim.sources.map((source) => source.id);
  if (JSON.stringify(addedIds.toSorted()) !== JSON.stringify(sourceIds.toSorted())) {
    found.push(`claim ${claim.id}: sources ${sourceIds.join(",")}, 'source added' events for ${addedIds.join(",")}`);
  }
  const replayed: Record<string, unknown> = { status: "unreviewed", verdict: "unrated", rationale: null };
  for (const event of claim.events) {
    for (const field of ["status", "verdict", "rationale"]) {
      if (event.after && field in event.after) replayed[field] = event.after[field];
    }
  }
  const stored = { status: claim.status, verdict: claim.verdict, rationale: claim.rationale };
  if (JSON.stringify(replayed) !== JSON.stringify(stored)) {
    found.push(
      `claim ${claim.id}: the history replays to ${JSON.stringify(replayed)}, the row holds ${JSON.stringify(stored)}`,
    );
  }
  return found;
}

/** Sorts the answers by when they were sent relative to the fault, compares the writes with what is stored, and prints the figures. */
async function analyse(label: string, answers: Answer[], timeline: Timeline) {
  const at = (time: number) => Math.round(time - timeline.t0);
  const duringFault = answers.filter((answer) => answer.start >= timeline.faultStarted && answer.start < timeline.back);
  const whileDown = answers.filter((answer) => answer.start >= timeline.down && answer.start < timeline.returnStarted);
  // An answer read in the first second may have left the server before it stopped.
  const answeredWhileDown = answers.filter(
    (answer) => answer.end >= timeline.down + 1_000 && answer.end < timeline.returnStarted,
  );
  const inFlightAtFault = answers.filter(
    (answer) => answer.start < timeline.faultStarted && answer.end >= timeline.faultStarted,
  );
  const afterReturn = answers.filter((answer) => answer.start >= timeline.back);
  const firstSuccess = afterReturn.find(isSuccess);
  const recoveryMs = firstSuccess ? firstSuccess.end - timeline.back : Number.POSITIVE_INFINITY;
  const afterRecovery = firstSuccess ? afterReturn.filter((answer) => answer.start >= firstSuccess.end) : [];
  const failureMessages = [...new Set(answers.filter((answer) => answer.status === 503).map((answer) => answer.error))];

  const claims = await storedClaims();
  const writes = answers.filter((answer) => answer.write);
  const acknowledged = writes.filter(isSuccess);
  const lost = acknowledged.filter((answer) => !isStored(answer.write!, claims));
  const storedUnacknowledged = writes.filter((answer) => !isSuccess(answer) && isStored(answer.write!, claims));
  const interrupted = inFlightAtFault.filter((answer) => answer.write);
  const halfDone = [...claims.values()].flatMap(disagreements);

  const figures = {
    requests: answers.length,
    statuses: tally(answers),
    fault: {
      totalMs: Math.round(timeline.back - timeline.faultStarted),
      goingDownMs: Math.round(timeline.down - timeline.faultStarted),
      downMs: Math.round(timeline.returnStarted - timeline.down),
      comingBackMs: Math.round(timeline.back - timeline.returnStarted),
      timeline: `fault at ${at(timeline.faultStarted)} ms, down at ${at(timeline.down)} ms, back at ${at(timeline.back)} ms`,
    },
    inFlightAtFault: {
      requests: inFlightAtFault.length,
      statuses: tally(inFlightAtFault),
      maxLatencyMs: maxLatency(inFlightAtFault),
    },
    duringFault: {
      requests: duringFault.length,
      statuses: tally(duringFault),
      maxLatencyMs: maxLatency(duringFault),
      sentWhileDown: { requests: whileDown.length, statuses: tally(whileDown) },
      answeredWhileDown: { requests: answeredWhileDown.length, statuses: tally(answeredWhileDown) },
    },
    failureMessages,
    recovery: {
      firstSuccessAfterBackMs: Math.round(recoveryMs),
      afterBack: { requests: afterReturn.length, statuses: tally(afterReturn) },
      afterFirstSuccess: { requests: afterRecovery.length, statuses: tally(afterRecovery) },
    },
    maxLatencyMs: maxLatency(answers),
    writes: {
      sent: writes.length,
      acknowledged: acknowledged.length,
      acknowledgedAndStored: acknowledged.length - lost.length,
      storedUnacknowledged: storedUnacknowledged.length,
      stalledMidTransactionAtFault: timeline.stalledWrites,
      inFlightAtFault: interrupted.map(
        (answer) => `${answer.kind} ${answer.status} ${isStored(answer.write!, claims) ? "stored" : "not stored"}`,
      ),
    },
    halfDone,
    processFailures,
  };
  console.log(`database-faults ${label}: ${JSON.stringify(figures, null, 2)}`);
  return {
    duringFault,
    whileDown,
    answeredWhileDown,
    inFlightAtFault,
    afterRecovery,
    recoveryMs,
    failureMessages,
    acknowledged,
    lost,
    interrupted,
    halfDone,
    claims,
  };
}

/** What holds whatever the fault: no crash, no 500, no hang, nothing acknowledged lost, nothing half-done, a quick recovery. */
function expectSafe(answers: Answer[], result: Awaited<ReturnType<typeof analyse>>) {
  expect(processFailures, "no uncaught exception or unhandled rejection").toEqual([]);
  expect(
    answers.filter((answer) => answer.status <= 0),
    "every request answered in time, none threw",
  ).toEqual([]);
  expect(
    answers.filter((answer) => ![200, 201, 409, 503].includes(answer.status)),
    "only successes, conflicts and 503s",
  ).toEqual([]);
  expect(result.failureMessages).toEqual([UNAVAILABLE_MESSAGE]);

  expect(result.recoveryMs, "the app answers again soon after the database is back").toBeLessThan(MAX_RECOVERY_MS);
  expect(
    result.afterRecovery.filter((answer) => answer.status === 503),
    "no 503 once requests succeed again",
  ).toEqual([]);
  for (const kind of ["list", "read", "verdict", "source"] satisfies Kind[]) {
    expect(
      result.afterRecovery.some((answer) => answer.kind === kind && isSuccess(answer)),
      `${kind} succeeds after recovery`,
    ).toBe(true);
  }

  expect(result.acknowledged.length, "the clients got writes acknowledged").toBeGreaterThanOrEqual(20);
  expect(result.lost, "every acknowledged write is stored").toEqual([]);
  expect(result.halfDone, "claim, sources and history agree for every claim").toEqual([]);
}

/**
 * Both writers were caught inside a transaction, with the claim (and the source) written and the
 * event not yet. Most runs cut them and answer 503; under load the shutdown sometimes comes only
 * after they committed, and then the answer is their 2xx (and `lost` shows it stored), or a 503 for
 * a write that did commit (seen once in about fifteen runs: a lost acknowledgement). Whichever,
 * never a 500, and `halfDone` shows each is all there or not at all.
 */
function expectInterruptedWritesAnswered503(timeline: Timeline, result: Awaited<ReturnType<typeof analyse>>) {
  // Usually both writers are caught; on a loaded machine one may be between requests when the lock
  // is taken and the 10 s wait runs out. One caught writer still puts a transaction under the fault.
  expect(timeline.stalledWrites, "a writer was inside a transaction when the fault came").toBeGreaterThanOrEqual(1);
  const statuses = result.interrupted.map((answer) => answer.status);
  expect(
    statuses.length,
    "a write cut mid-transaction is a 503, or its 2xx if it committed first",
  ).toBeGreaterThanOrEqual(1);
  for (const status of statuses)
    expect([200, 201, 503], "a write cut mid-transaction is a 503, or its 2xx if it committed first").toContain(status);
}

describe("PostgreSQL failing under load", () => {
  it("uses this file's database", async () => {
    const rows = await appClient.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    expect(rows, "the app's cached Prisma client must be this file's").toEqual([{ name: databaseName }]);
  });

  it("restarted: 503 at once while it is down, back alone, no acknowledged write lost, none half-done", async () => {
    const { answers, timeline } = await underLoad("restart", restartPostgres);
    const result = await analyse("restart", answers, timeline);
    expectSafe(answers, result);

    expect(result.whileDown.length, "the clients kept sending while the database was down").toBeGreaterThanOrEqual(20);
    expect(
      result.whileDown.filter((answer) => answer.status !== 503),
      "every request while the database is down is a 503",
    ).toEqual([]);
    expect(
      result.whileDown.filter((answer) => answer.kind === "sign-in"),
      "Better Auth's sign-in included",
    ).toHaveLength(1);
    expect(result.afterRecovery.filter((answer) => answer.kind === "sign-in").map((answer) => answer.status)).toEqual([
      200,
    ]);
    expect(maxLatency(result.duringFault), "requests fail fast during the outage").toBeLessThan(MAX_DOWN_LATENCY_MS);
    expectInterruptedWritesAnswered503(timeline, result);
  });

  it.skipIf(process.platform !== "linux")(
    "frozen: every request gives up with a 503 within the timeout, then all is well again",
    async () => {
      const { answers, timeline } = await underLoad("freeze", freezePostgres);
      const result = await analyse("freeze", answers, timeline);
      expectSafe(answers, result);

      const overlapping = [...result.inFlightAtFault, ...result.duringFault];
      expect(
        maxLatency(overlapping),
        "no request waits much past the timeout, not even one inside a transaction",
      ).toBeLessThan(MAX_FROZEN_LATENCY_MS);
      // Each client's request at the freeze, or just after it, times out before the thaw.
      expect(result.answeredWhileDown.length).toBeGreaterThanOrEqual(4);
      expect(
        result.answeredWhileDown.filter((answer) => answer.status !== 503),
        "what gives up while frozen is a 503",
      ).toEqual([]);
      expectInterruptedWritesAnswered503(timeline, result);
    },
  );
});
