import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, hasSystemChromium, SYSTEM_CHROMIUM } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;

const launchOptions = hasSystemChromium() ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_FLAGS } : {};

export default defineConfig({
  testDir: "e2e",
  // Its own subfolder: Playwright empties outputDir, and npm test keeps the unit report beside it.
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    {
      // Reads the seeded data as it is (0 verified...), so it runs before anything writes.
      name: "read-only",
      testMatch: /(dashboard|accessibility|sign-in|security-headers)\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions, storageState: "test-results/auth/reviewer1.json" },
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
      testMatch: /published-csp\.spec\.ts/,
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
