import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createContext, runInContext } from "node:vm";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { PROJECT_ROOT } from "../lib/database";
import { BENCH_DIST_DIR, RESULTS_DIR, ensureBuild, firstClaimPath, signIn, startBenchServer } from "./seeded-server";

// First-load JavaScript per page of the production build, gzipped (zlib's default level 6, what
// `next start` sends), against the budget of 130 kB (1 kB = 1000 bytes, as Next's old build output).
//
// Next 16 with Turbopack no longer prints "First Load JS", so it is computed from the build:
//   manifest method (every page): build-manifest.json `rootMainFiles` (the Turbopack runtime and
//   the framework, loaded on every page) + the union of `entryJSFiles` in the page's
//   server/app/<route>/page_client-reference-manifest.js (the client chunks of its layouts, page,
//   error and not-found boundaries). `polyfillFiles` are left out: they are `<script noModule>`,
//   which no browser that runs modules downloads.
//   html method (with --html, and from lighthouse.ts): the page is fetched as a signed-in user and
//   every /_next/static/chunks/*.js it names is counted (its <script src> tags and the chunks the
//   RSC payload inlined in the HTML asks for at hydration), except the noModule polyfill. The two
//   must agree; a difference is reported.
//
// Usage: tsx scripts/bench/bundle-size.ts [--html]   (NEXT_DIST_DIR, default .next-bench; built when missing)

export const BUDGET_KB = 130;
const KB = 1000;

export interface RouteSize {
  route: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** For information: brotli quality 11, as a CDN or pre-compressed assets would serve (`next start` sends gzip). */
  brotliBytes: number;
  pass: boolean;
}

export interface HtmlCheck {
  path: string;
  route: string;
  files: string[];
  gzipBytes: number;
  /** Chunks the HTML loads that the manifest method did not count, and the reverse. */
  notInManifest: string[];
  notInHtml: string[];
}

export interface BundleReport {
  distDir: string;
  buildId: string;
  method: string;
  budgetKb: number;
  sharedFiles: string[];
  sharedGzipBytes: number;
  routes: RouteSize[];
  html?: HtmlCheck[];
}

type Sizes = { raw: number; gzip: number; brotli: number };
const sizeCache = new Map<string, Sizes>();

function sizeOf(distDir: string, file: string): Sizes {
  const key = path.resolve(PROJECT_ROOT, distDir, file);
  const cached = sizeCache.get(key);
  if (cached) return cached;
  const bytes = readFileSync(key);
  const size = {
    raw: bytes.length,
    gzip: gzipSync(bytes).length, // zlib's default level, 6
    brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  sizeCache.set(key, size);
  return size;
}

function total(distDir: string, files: string[], key: keyof Sizes): number {
  return files.reduce((sum, file) => sum + sizeOf(distDir, file)[key], 0);
}

function readJson<T>(distDir: string, file: string): T {
  return JSON.parse(readFileSync(path.resolve(PROJECT_ROOT, distDir, file), "utf8")) as T;
}

/** The `entryJSFiles` of a page's client reference manifest, all entries merged. */
function entryJsFiles(distDir: string, entry: string): string[] {
  const file = path.resolve(PROJECT_ROOT, distDir, "server/app", `.${entry}_client-reference-manifest.js`);
  if (!existsSync(file))
    throw new Error(`No client reference manifest for ${entry} in ${distDir}/ (not a Turbopack build of Next 16?)`);
  // The file assigns `globalThis.__RSC_MANIFEST[entry]`: run it in a context of its own and read that back.
  const context: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = createContext({});
  runInContext(readFileSync(file, "utf8"), context);
  const manifest = context.__RSC_MANIFEST?.[entry];
  return [...new Set(Object.values(manifest?.entryJSFiles ?? {}).flat())];
}

export function measureFromManifests(distDir = BENCH_DIST_DIR): BundleReport {
  const buildManifest = readJson<{ rootMainFiles: string[]; polyfillFiles: string[] }>(distDir, "build-manifest.json");
  const appRoutes = readJson<Record<string, string>>(distDir, "app-path-routes-manifest.json");
  const shared = buildManifest.rootMainFiles.filter((file) => file.endsWith(".js"));
  const routes: RouteSize[] = [];
  for (const [entry, route] of Object.entries(appRoutes)) {
    if (!entry.endsWith("/page")) continue; // route handlers ship no JavaScript
    const files = [...new Set([...shared, ...entryJsFiles(distDir, entry)])].filter(
      (file) => !buildManifest.polyfillFiles.includes(file),
    );
    const gzipBytes = total(distDir, files, "gzip");
    routes.push({
      route,
      files,
      rawBytes: total(distDir, files, "raw"),
      gzipBytes,
      brotliBytes: total(distDir, files, "brotli"),
      pass: gzipBytes <= BUDGET_KB * KB,
    });
  }
  routes.sort((a, b) => a.route.localeCompare(b.route));
  return {
    distDir,
    buildId: readFileSync(path.resolve(PROJECT_ROOT, distDir, "BUILD_ID"), "utf8").trim(),
    method:
      "manifest: build-manifest.json rootMainFiles + union of entryJSFiles in server/app/<route>/page_client-reference-manifest.js (noModule polyfill excluded), each file gzipped at zlib level 6",
    budgetKb: BUDGET_KB,
    sharedFiles: shared,
    sharedGzipBytes: total(distDir, shared, "gzip"),
    routes,
  };
}

/** The Next route of a URL path, for matching the html method to the manifest one. */
export function routeOfPath(urlPath: string, routes: string[]): string {
  const pathname = urlPath.split("?")[0]!;
  if (routes.includes(pathname)) return pathname;
  const segments = pathname.split("/");
  const dynamic = routes.find((route) => {
    const parts = route.split("/");
    return (
      parts.length === segments.length && parts.every((part, i) => part === segments[i] || /^\[[^.\]]+\]$/.test(part))
    );
  });
  return dynamic ?? pathname;
}

/** Fetches each page as the signed-in user and counts the JavaScript chunks its HTML makes the browser load. */
export async function measureFromHtml(
  report: BundleReport,
  baseUrl: string,
  pages: { path: string; cookie?: string }[],
): Promise<HtmlCheck[]> {
  const polyfills = readJson<{ polyfillFiles: string[] }>(report.distDir, "build-manifest.json").polyfillFiles;
  const checks: HtmlCheck[] = [];
  for (const page of pages) {
    const response = await fetch(`${baseUrl}${page.path}`, {
      headers: page.cookie ? { cookie: page.cookie } : {},
      redirect: "manual",
    });
    if (response.status !== 200) throw new Error(`GET ${page.path} answered ${response.status}`);
    const html = await response.text();
    const noModule = new Set(
      [...html.matchAll(/<script[^>]*\bsrc="\/_next\/([^"]+\.js)"[^>]*\bnoModule\b[^>]*>/gi)].map((match) => match[1]!),
    );
    const files = [...new Set([...html.matchAll(/static\/chunks\/[\w~.-]+?\.js/g)].map((match) => match[0]))].filter(
      (file) => !noModule.has(file) && !polyfills.includes(file),
    );
    const route = routeOfPath(
      page.path,
      report.routes.map((r) => r.route),
    );
    const manifestFiles = report.routes.find((r) => r.route === route)?.files ?? [];
    checks.push({
      path: page.path,
      route,
      files,
      gzipBytes: total(report.distDir, files, "gzip"),
      notInManifest: files.filter((file) => !manifestFiles.includes(file)),
      notInHtml: manifestFiles.filter((file) => !files.includes(file)),
    });
  }
  report.html = checks;
  return checks;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

export function printBundleReport(report: BundleReport): void {
  console.log(
    `\nFirst-load JavaScript per page (${report.distDir}/, build ${report.buildId}); budget ${report.budgetKb} kB gzipped`,
  );
  console.log(`method: ${report.method}`);
  console.log(`shared by every page: ${report.sharedFiles.length} files, ${kb(report.sharedGzipBytes)} kB gzipped`);
  const width = Math.max(...report.routes.map((r) => r.route.length), 5);
  console.log(`${"route".padEnd(width)}  files  raw kB  gzip kB  budget  (brotli kB)`);
  for (const route of report.routes) {
    console.log(
      `${route.route.padEnd(width)}  ${String(route.files.length).padStart(5)}  ${kb(route.rawBytes).padStart(6)}  ${kb(route.gzipBytes).padStart(7)}  ${(route.pass ? "PASS" : "FAIL").padEnd(6)}  ${kb(route.brotliBytes).padStart(11)}`,
    );
  }
  if (report.html) {
    console.log("\nCross-check, html method (chunks named by each page's HTML, fetched signed in):");
    for (const check of report.html) {
      const agree = check.notInManifest.length === 0 && check.notInHtml.length === 0;
      console.log(
        `${check.path.padEnd(width)}  ${String(check.files.length).padStart(5)}  ${"".padStart(6)}  ${kb(check.gzipBytes).padStart(7)}  ${agree ? "same files as the manifest method" : `differs: +${check.notInManifest.join(", ") || "none"} / -${check.notInHtml.join(", ") || "none"}`}`,
      );
    }
  }
}

async function main() {
  const withHtml = process.argv.includes("--html");
  await ensureBuild();
  const report = measureFromManifests();
  if (withHtml) {
    const server = await startBenchServer({ logName: "bundle-size-server.log" });
    try {
      const cookie = await signIn(server.baseUrl);
      const claim = await firstClaimPath(server.baseUrl, cookie);
      const articles = (await (await fetch(`${server.baseUrl}/api/articles`, { headers: { cookie } })).json()) as {
        items: { id: string | number }[];
      };
      const pages = [
        { path: "/", cookie },
        { path: "/claims", cookie },
        { path: claim, cookie },
        { path: "/queue", cookie },
        { path: "/corrections", cookie },
        ...(articles.items[0] ? [{ path: `/articles/${articles.items[0].id}`, cookie }] : []),
        { path: "/sign-in" },
        { path: "/api-docs" },
      ];
      await measureFromHtml(report, server.baseUrl, pages);
    } finally {
      await server.stop();
    }
  }
  printBundleReport(report);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(
    RESULTS_DIR,
    `bundle-size-${new Date()
      .toISOString()
      .replaceAll(":", "-")
      .replace(/\.\d+Z$/, "Z")}.json`,
  );
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten ${path.relative(PROJECT_ROOT, out)}`);
  const failing = report.routes.filter((route) => !route.pass);
  if (failing.length > 0) {
    console.log(`${failing.length} page(s) over ${BUDGET_KB} kB: ${failing.map((route) => route.route).join(", ")}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
