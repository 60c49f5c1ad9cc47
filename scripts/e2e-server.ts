import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT, dropDatabase } from "./lib/database";
import { createMigratedDatabase, startTestServer } from "./lib/test-database";

// Playwright's web server: the production build on a fresh, seeded database of its own.
const port = process.env.PORT ?? "3107";
const distDir = process.env.NEXT_DIST_DIR || ".next";
if (!existsSync(path.join(PROJECT_ROOT, distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}/: run \`npm run build\` first.`);
  process.exit(1);
}

const server = await startTestServer();
const database = await createMigratedDatabase(server.adminUrl, "e2e");

const next = spawn(
  process.execPath,
  [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", port],
  {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    },
  },
);

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    if (next.exitCode === null) {
      const exited = new Promise((resolve) => next.once("exit", resolve));
      next.kill("SIGTERM");
      await exited;
    }
    await dropDatabase(server.adminUrl, database.name).catch(() => {});
    await server.stop();
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().then(() => process.exit(0)));
}
next.on("exit", (code) => void cleanUp().then(() => process.exit(code ?? 0)));
