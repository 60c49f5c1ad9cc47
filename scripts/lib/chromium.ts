import { existsSync } from "node:fs";

/** Debian's Chromium, when installed: Playwright and Lighthouse cannot download a browser offline. */
export const SYSTEM_CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";

export const hasSystemChromium = () => existsSync(SYSTEM_CHROMIUM);

/** As root (no sandbox) on a closed network: without these Chromium keeps trying to reach Google. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
