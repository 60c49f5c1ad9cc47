import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, resolveDatabase } from "./lib/database";
import { applyMigrations, demoUsersOnServer, seed } from "./lib/tasks";

function localAuthSecret(): string {
  const file = path.join(PROJECT_ROOT, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/serve.ts dev|start");
  process.exit(2);
}

// Said once, in plain words, before anything starts (domains/users/auth.ts silences Better Auth's own
// version of it).
if (mode === "start" && !process.env.BETTER_AUTH_URL) {
  console.warn(
    "Warning: BETTER_AUTH_URL is not set. Set it to the address people use to reach the app, e.g. https://factcheck.example.org.\n" +
      "Until then the sign-in API refuses browsers on that address (the sign-in page still works), and the public pages,\n" +
      `feeds and share cards link to http://localhost:${process.env.PORT ?? 3000}.`,
  );
}

const distDir = process.env.NEXT_DIST_DIR || ".next";
if (mode === "start" && !existsSync(path.join(PROJECT_ROOT, distDir, "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

const database = await resolveDatabase();
console.log(`Database: ${database.description}.`);
try {
  await applyMigrations(database.url);
  const demoUsers = demoUsersOnServer(mode);
  console.log(await seed(database.url, { onlyIfEmpty: true, demoUsers }));
} catch (error) {
  await database.release();
  throw error;
}

// With the embedded database this is a machine of its own (a laptop, a preview): a secret is
// generated once and kept beside the data. A deployment on DATABASE_URL must bring its own.
const authSecret = process.env.BETTER_AUTH_SECRET ?? (process.env.DATABASE_URL ? undefined : localAuthSecret());

const next = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), mode], {
  cwd: PROJECT_ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(authSecret ? { BETTER_AUTH_SECRET: authSecret } : {}),
  },
});

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  next.kill(signal);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

next.on("exit", async (code, signal) => {
  await database.release();
  process.exit(code ?? (signal ? 0 : 1));
});
