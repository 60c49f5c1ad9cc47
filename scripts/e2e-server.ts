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

// Two instances of the production server on one database, as a desk behind a load balancer runs them:
// the tests write on the first and read the readers' pages on the second (E2E_SECOND_PORT, default
// PORT + 1). The address they publish under comes from configuration, the first one's.
const secondPort = process.env.E2E_SECOND_PORT ?? String(Number(port) + 1);
const sharedEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  NEXT_TELEMETRY_DISABLED: "1",
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://127.0.0.1:${port}`,
};
const startInstance = (instancePort: string) =>
  spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next"), "start", "-p", instancePort], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...sharedEnv, PORT: instancePort },
  });
const instances = [startInstance(port), startInstance(secondPort)];

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(
      instances
        .filter((instance) => instance.exitCode === null)
        .map((instance) => {
          const exited = new Promise((resolve) => instance.once("exit", resolve));
          instance.kill("SIGTERM");
          return exited;
        }),
    );
    await dropDatabase(server.adminUrl, database.name).catch(() => {});
    await server.stop();
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().then(() => process.exit(0)));
}
for (const instance of instances) instance.on("exit", (code) => void cleanUp().then(() => process.exit(code ?? 0)));
