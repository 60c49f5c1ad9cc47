import { availableParallelism } from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, hasSystemChromium, SYSTEM_CHROMIUM } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Where a run keeps its sign-in states, report and artifacts: test-results/ for npm test, which reads the
 * report there; E2E_RESULTS_DIR gives a second run from the same checkout folders of its own.
 */
const results = process.env.E2E_RESULTS_DIR ?? "test-results";

const launchOptions = hasSystemChromium() ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_FLAGS } : {};

export default defineConfig({
  testDir: "e2e",
  // Its own subfolder: Playwright empties outputDir, and npm test keeps the unit report beside it.
  outputDir: `${results}/e2e-artifacts`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The server under test needs a core of its own: each worker is a test runner and a Chromium, so
  // on this 2-core machine one worker; a bigger machine runs more.
  workers: Math.max(1, Math.floor(availableParallelism() / 2)),
  // Limits from what a step needs on this 2-core machine when it is busy, with a margin: measured with
  // the machine loaded by other test runs, a page with its axe scan took 6-14 s (the API reference, the
  // largest page, 36 s) and the longest test 41 s; so an assertion waits 15 s and a test 120 s. They
  // bound a hang; they never decide whether a test passes.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: `${results}/e2e-report.json` }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    {
      // Reads the seeded data as it is (0 verified...), so it runs before anything writes.
      name: "read-only",
      testMatch: /(dashboard|claims-table|accessibility|sign-in|sign-in-redirect|security-headers|theme)\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: `${results}/auth/reviewer1.json` },
    },
    {
      name: "workflow",
      testMatch: /workflow\.spec\.ts/,
      dependencies: ["read-only"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // Reads what the workflow published.
      name: "published",
      testMatch: /(published-csp|\.published)\.spec\.ts/,
      dependencies: ["workflow"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // Verifies a claim for a moment to check its public pages: alone at the end, so no other test
      // counts that claim among the verified ones.
      name: "hostile-input",
      testMatch: /hostile-input\.spec\.ts/,
      dependencies: ["published"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/articles`,
    env: { PORT: String(port) },
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
