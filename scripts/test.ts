import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { hasSystemChromium, SYSTEM_CHROMIUM } from "./lib/chromium";
import { embeddedServerBlocker, PROJECT_ROOT } from "./lib/database";
import { freePort } from "./lib/test-database";
import { run, runCaptured } from "./lib/tasks";
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

interface Step {
  name: string;
  command: string;
  args: string[];
}

/**
 * Stages run in order; the steps of one stage run at once. The static checks are each one process on
 * one core and read the same files: side by side on two cores they take about as long as the slowest
 * (~40 s) instead of the three in a row (~90 s). Their output is printed whole, one step after another.
 */
const stages: Step[][] = [
  [
    { name: "typecheck", command: bin("tsc"), args: ["--noEmit"] },
    { name: "lint", command: bin("eslint"), args: [".", "--max-warnings=0"] },
    // A check, never a rewrite: a test run must not change the files it tests.
    { name: "format check", command: bin("prettier"), args: ["--check", "."] },
  ],
  [
    {
      name: "unit and integration tests",
      command: bin("vitest"),
      args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${unitReport}`],
    },
  ],
  [{ name: "prisma client", command: process.execPath, args: ["scripts/prisma.mjs", "generate"] }],
  [{ name: "production build", command: bin("next"), args: ["build"] }],
  [{ name: "end-to-end tests", command: bin("playwright"), args: ["test"] }],
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
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const outcome = (code: number) => (code === 0 ? "ok" : `failed (exit ${code})`);
for (const stage of stages) {
  const stageStarted = Date.now();
  if (stage.length === 1) {
    const [step] = stage as [Step];
    console.log(`\n── ${step.name} ──`);
    const code = await run(step.command, step.args, env);
    console.log(`── ${step.name}: ${outcome(code)} in ${seconds(stageStarted)} s`);
    if (code !== 0) failedStep = step.name;
  } else {
    console.log(`\n── ${stage.map((step) => step.name).join(", ")} (side by side) ──`);
    const results = await Promise.all(
      stage.map(async (step) => {
        const result = await runCaptured(step.command, step.args, env);
        return { step, ...result, took: seconds(stageStarted) };
      }),
    );
    for (const { step, code, output, took } of results) {
      console.log(`\n── ${step.name} ──\n${output.trimEnd()}`);
      console.log(`── ${step.name}: ${outcome(code)} in ${took} s`);
      if (code !== 0) failedStep ??= step.name;
    }
  }
  if (failedStep) break;
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
