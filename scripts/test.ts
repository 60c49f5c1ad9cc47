import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { hasSystemChromium, SYSTEM_CHROMIUM } from "./lib/chromium";
import { embeddedServerBlocker, PROJECT_ROOT } from "./lib/database";
import { freePort } from "./lib/test-database";
import { run } from "./lib/tasks";
import { describeCounts as describe, playwrightCounts, vitestCounts } from "./lib/test-report";

// `npm test`: typecheck, lint, format check, unit and integration tests against a real PostgreSQL,
// then the production build driven in Chromium. Each step's databases are its own.
const bin = (name: string) => path.join(PROJECT_ROOT, "node_modules/.bin", name);
const reports = path.join(PROJECT_ROOT, "test-results");
const unitReport = path.join(reports, "unit-report.json");
const e2eReport = path.join(reports, "e2e-report.json");
// The typecheck step comes first, so the build skips its own copy of it (next.config.js).
// The end-to-end server listens on a free port, so two checkouts' suites can run on one machine at once.
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-test",
  NEXT_SKIP_TYPECHECK: "1",
  E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
};

const steps: { name: string; command: string; args: string[] }[] = [
  { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
  { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
  // A check, never a rewrite: a test run must not change the files it tests.
  { name: "format check", command: bin("prettier"), args: ["--check", "."] },
  {
    name: "unit and integration tests",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`],
  },
  { name: "prisma client", command: process.execPath, args: ["scripts/prisma.mjs", "generate"] },
  { name: "production build", command: bin("next"), args: ["build"] },
  { name: "end-to-end tests", command: bin("playwright"), args: ["test"] },
];

// The tests' embedded servers keep their data in the temporary folder: say at once, not after the
// typecheck and lint, when they cannot start at all.
const blocker = process.env.DATABASE_URL
  ? null
  : embeddedServerBlocker(path.join(tmpdir(), "factcheck-test", "postgres"));
// Likewise the end-to-end tests, minutes later, without a browser (Playwright cannot download one offline).
const noBrowser =
  hasSystemChromium() || existsSync(chromium.executablePath())
    ? null
    : `npm test drives Chromium and found none at ${SYSTEM_CHROMIUM}: install it (apt-get install chromium) or set CHROME_PATH to a Chromium.`;
for (const problem of [blocker, noBrowser]) {
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

rmSync(reports, { recursive: true, force: true });
const started = Date.now();
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n── ${step.name} ──`);
  const stepStarted = Date.now();
  const code = await run(step.command, step.args, env);
  console.log(
    `── ${step.name}: ${code === 0 ? "ok" : `failed (exit ${code})`} in ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`,
  );
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}

const unit = vitestCounts(unitReport);
const e2e = playwrightCounts(e2eReport);
const passed = unit.passed + e2e.passed;
// A failing typecheck, lint or build counts as one failure so the total never looks clean.
const failed = unit.failed + e2e.failed + (failedStep && unit.failed + e2e.failed === 0 ? 1 : 0);
const skipped = unit.skipped + e2e.skipped;
const didNotRun = unit.didNotRun + e2e.didNotRun;
console.log(`\nunit/integration: ${describe(unit)} · e2e: ${describe(e2e)}`);
console.log(
  `Total time ${((Date.now() - started) / 1000).toFixed(0)} s${failedStep ? `; stopped at: ${failedStep}` : ""}`,
);
console.log(describe({ passed, failed, skipped, didNotRun }));
process.exit(failedStep ? 1 : 0);
