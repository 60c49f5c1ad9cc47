#!/usr/bin/env node
// The project's way to run the Prisma CLI: `node scripts/prisma.mjs <prisma args>`.
//
// It runs the unmodified CLI. Only where Prisma's own schema engine cannot be had (no native binary
// installed or cached, and its download host unreachable) does it point PRISMA_SCHEMA_ENGINE_BINARY
// at scripts/prisma-engine/schema-engine.mjs, a stand-in built on Prisma's wasm schema engine.
// A PRISMA_SCHEMA_ENGINE_BINARY already set is always left alone.
//
// TypeScript scripts can import `prismaEnv` and `runPrisma` instead of spawning this file.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const prismaDir = dirname(require.resolve("prisma/package.json"));
const prismaCli = join(prismaDir, "build", "index.js");

export const STAND_IN_ENGINE = fileURLToPath(new URL("./prisma-engine/schema-engine.mjs", import.meta.url));

const REACHABILITY_TIMEOUT_MS = 3000;

/** Folders where the CLI looks for `schema-engine-<binaryTarget>` (its resolveBinary), plus @prisma/engines. */
function engineFolders() {
  const folders = [prismaDir, dirname(prismaDir), join(prismaDir, "runtime")];
  try {
    folders.push(dirname(createRequire(prismaCli).resolve("@prisma/engines/package.json")));
  } catch {
    // @prisma/engines is bundled into the CLI; nothing more to look at.
  }
  return folders;
}

function hasNativeBinary() {
  return engineFolders().some((folder) => {
    try {
      return readdirSync(folder, { withFileTypes: true }).some(
        (entry) => entry.isFile() && /^schema-engine-(?!wasm)/.test(entry.name),
      );
    } catch {
      return false;
    }
  });
}

/** The CLI copies an engine from its download cache without going online when a checksum sits beside it. */
function hasCachedBinary(env) {
  let version = env.BINARY_DOWNLOAD_VERSION;
  try {
    version ??= require(createRequire(prismaCli).resolve("@prisma/engines-version/package.json")).prisma.enginesVersion;
  } catch {
    return false;
  }
  const cacheRoot = env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, "prisma") : join(homedir(), ".cache", "prisma");
  const versionDir = join(cacheRoot, "master", version);
  try {
    return readdirSync(versionDir).some((target) => {
      const binary = join(versionDir, target, "schema-engine");
      return (
        existsSync(binary) && (existsSync(`${binary}.sha256`) || Boolean(env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING))
      );
    });
  } catch {
    return false;
  }
}

const reachability = new Map();

/** Whether the engines download host answers at all (any HTTP status); cached per host for the process. */
function enginesHostReachable(env) {
  const mirror = env.PRISMA_BINARIES_MIRROR || env.PRISMA_ENGINES_MIRROR || "https://binaries.prisma.sh";
  if (!reachability.has(mirror)) {
    reachability.set(
      mirror,
      fetch(mirror, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(REACHABILITY_TIMEOUT_MS) }).then(
        () => true,
        () => false, // DNS failure, refused connection, TLS failure or timeout
      ),
    );
  }
  return reachability.get(mirror);
}

let announced = false;

/**
 * The environment to run the Prisma CLI with: `baseEnv`, plus PRISMA_SCHEMA_ENGINE_BINARY set to the
 * stand-in where needed.
 * @param {NodeJS.ProcessEnv} [baseEnv]
 * @returns {Promise<NodeJS.ProcessEnv>}
 */
export async function prismaEnv(baseEnv = process.env) {
  const env = { ...baseEnv };
  if (env.PRISMA_SCHEMA_ENGINE_BINARY || env.PRISMA_MIGRATION_ENGINE_BINARY) return env; // the latter: its deprecated name
  if (hasNativeBinary() || hasCachedBinary(env) || (await enginesHostReachable(env))) return env;
  env.PRISMA_SCHEMA_ENGINE_BINARY = STAND_IN_ENGINE;
  if (!announced) {
    announced = true;
    process.stderr.write(
      "prisma: native schema engine unavailable offline; using the wasm stand-in (scripts/prisma-engine)\n",
    );
  }
  return env;
}

/**
 * Runs the Prisma CLI with `args`, in the environment prismaEnv(env) gives. With stdio "inherit"
 * (the default) it shares this process's terminal; with "pipe" stdin is closed and stdout/stderr
 * are collected. A CLI killed by a signal gets code 128 + the signal's number.
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdio?: "inherit" | "pipe", cwd?: string, forwardSignals?: boolean }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export async function runPrisma(args, { env, stdio = "inherit", cwd, forwardSignals = false } = {}) {
  const childEnv = await prismaEnv(env);
  const child = spawn(process.execPath, [prismaCli, ...args], {
    cwd,
    env: childEnv,
    stdio: stdio === "pipe" ? ["ignore", "pipe", "pipe"] : stdio,
  });
  if (forwardSignals) {
    // Stay alive until the CLI has finished, so its exit code is the one passed on.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  }
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  return await new Promise((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      resolvePromise({ code: code ?? 128 + (constants.signals[signal] ?? 0), stdout, stderr });
    });
  });
}

function isMainModule() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? "")).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  const { code } = await runPrisma(process.argv.slice(2), { forwardSignals: true });
  process.exit(code);
}
