import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { DEMO_PASSWORD } from "../../prisma/seed/seed";
import { PROJECT_ROOT } from "../lib/database";
import { run } from "../lib/tasks";
import { freePort } from "../lib/test-database";

// Shared by the Lighthouse and bundle-size benchmarks: the production build in `.next-bench/`
// (built when missing) served by scripts/e2e-server.ts on a fresh seeded database of its own,
// in its own process group, and a signed-in session cookie for the demo reviewer.

export const BENCH_DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";
export const RESULTS_DIR = path.join(PROJECT_ROOT, "bench-results");
export const DEMO_REVIEWER = { email: "reviewer1@example.org", password: DEMO_PASSWORD };

/** Builds the production app into BENCH_DIST_DIR unless it already holds a build (delete the folder to rebuild). */
export async function ensureBuild(distDir = BENCH_DIST_DIR): Promise<void> {
  if (existsSync(path.resolve(PROJECT_ROOT, distDir, "BUILD_ID"))) {
    const buildId = readFileSync(path.resolve(PROJECT_ROOT, distDir, "BUILD_ID"), "utf8").trim();
    console.log(`Using the production build in ${distDir}/ (BUILD_ID ${buildId}; delete the folder to rebuild).`);
    return;
  }
  console.log(`No production build in ${distDir}/: building it (next build, NEXT_DIST_DIR=${distDir})…`);
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NEXT_SKIP_TYPECHECK: "1" };
  if (!existsSync(path.join(PROJECT_ROOT, "lib/generated/prisma"))) {
    const code = await run(process.execPath, ["scripts/prisma.mjs", "generate"], env);
    if (code !== 0) throw new Error(`prisma generate failed (exit ${code}).`);
  }
  const code = await run(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "build"], env);
  if (code !== 0) throw new Error(`next build failed (exit ${code}).`);
}

export interface BenchServer {
  baseUrl: string;
  /** The log of scripts/e2e-server.ts (embedded PostgreSQL, migrations, seed, next start). */
  logFile: string;
  stop: () => Promise<void>;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Spawns scripts/e2e-server.ts (fresh embedded PostgreSQL, migrations, seed with the demo
 * accounts, `next start`) as the leader of a new process group. `stop()` sends SIGTERM to the
 * leader so it drops its database and stops PostgreSQL, then SIGKILLs whatever is left of the group.
 */
export async function startBenchServer(options: {
  port?: number;
  distDir?: string;
  logName: string;
}): Promise<BenchServer> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, options.logName);
  const log = createWriteStream(logFile);
  await new Promise((resolve) => log.once("open", resolve));
  // `node --import tsx` rather than the tsx CLI: one process, which receives the signals itself.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts/e2e-server.ts")], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_DIST_DIR: options.distDir ?? BENCH_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("Could not spawn scripts/e2e-server.ts");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // already gone
        }
        await waitForExit(child, 30_000);
      }
      if (groupAlive(pid)) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      log.end();
    })();
    return stopping;
  };
  const onSignal = () => void stop().then(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `scripts/e2e-server.ts exited before serving (see ${path.relative(PROJECT_ROOT, logFile)}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/articles`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 401 || response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The server did not answer within 180 s (see ${path.relative(PROJECT_ROOT, logFile)}):\n${tail(logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, logFile, stop };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Signs in through Better Auth's JSON endpoint and returns the `Cookie` header value to send back.
 * node:http rather than fetch: like curl it sends no Sec-Fetch-* headers, which would make Better Auth
 * demand an Origin it cannot check while BETTER_AUTH_URL is unset (403 MISSING_OR_NULL_ORIGIN).
 */
export function signIn(baseUrl: string, account = DEMO_REVIEWER): Promise<string> {
  const body = JSON.stringify(account);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${baseUrl}/api/auth/sign-in/email`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          if (response.statusCode !== 200)
            return reject(new Error(`Sign-in as ${account.email} answered ${response.statusCode}: ${text}`));
          const cookies = (response.headers["set-cookie"] ?? []).map((header) => header.split(";", 1)[0]!);
          if (cookies.length === 0) return reject(new Error("Sign-in set no cookie."));
          resolve(cookies.join("; "));
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The first claim in article order: the claim page the benchmarks open. */
export async function firstClaimPath(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/claims?pageSize=1`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET /api/claims answered ${response.status}`);
  const body = (await response.json()) as { items: { id: string | number }[] };
  const id = body.items[0]?.id;
  if (id === undefined) throw new Error("The seeded database has no claim.");
  return `/claims/${id}`;
}
