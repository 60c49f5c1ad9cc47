import { createHash } from "node:crypto";
import { type APIResponse, expect, type Page } from "@playwright/test";

export const ANONYMOUS = { storageState: { cookies: [], origins: [] } };

/**
 * Records, from the first script of every document on, each CSP violation the browser reports, and
 * console errors about one. Call once per page; the check returns what the current document saw.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ${event.sample}`.trim());
    });
  });
  return async () => [
    ...consoleErrors,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
}

/** Opens a page and waits until Next's scripts have run. */
export async function openHydrated(page: Page, pagePath: string) {
  await page.goto(pagePath);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
}

/** The page hydrated and its router works: a client-side navigation keeps the window (no reload). */
export async function expectClientNavigation(page: Page, linkName: string, heading: string) {
  await page.evaluate(() => Object.assign(window, { navigationMarker: "still here" }));
  await page.getByRole("link", { name: linkName, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { navigationMarker?: string }).navigationMarker)).toBe(
    "still here",
  );
}

/** A response's Content-Security-Policy, whole and directive by directive. */
export function cspOf(response: APIResponse) {
  const policy = response.headers()["content-security-policy"] ?? "";
  const directives = new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
  return { policy, directives };
}

/**
 * A cached reader's page: its CSP allows its own inline scripts and styles by SHA-256 (a nonce would
 * need a render per request), nothing else inline, and no nonce. Returns the policy's directives.
 */
export async function expectHashedCsp(response: APIResponse, { frameAncestors = "'none'" } = {}) {
  const { policy, directives } = cspOf(response);
  const html = await response.text();
  const hashesOf = (pattern: RegExp) => [
    ...new Set(
      [...html.matchAll(pattern)].map((match) => `'sha256-${createHash("sha256").update(match[1]!).digest("base64")}'`),
    ),
  ];
  const scripts = hashesOf(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g);
  expect(scripts.length, "the page has inline scripts to hash").toBeGreaterThan(0);
  expect(directives.get("script-src")).toEqual(["'self'", ...scripts]);
  expect(directives.get("style-src")).toEqual(["'self'", ...hashesOf(/<style[^>]*>([\s\S]*?)<\/style>/g)]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual([frameAncestors]);
  expect(policy).not.toMatch(/nonce-|unsafe-eval|strict-dynamic/);
  return directives;
}
