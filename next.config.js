import { fileURLToPath } from "node:url";

/** Sent with every response: pages (which also get a per-request CSP from proxy.ts) and the API. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Nothing needs the address of a desk page elsewhere: links to sources leak no claim URL.
  { key: "Referrer-Policy", value: "same-origin" },
  // Production is served over https (behind a proxy): browsers then refuse plain http to it for two
  // years. Not `preload`: that asks browsers to ship the rule for the whole registrable domain, a
  // decision for whoever owns the domain, not for this app. Browsers ignore the header over http, so
  // a local `npm start` on http://localhost is not affected; `next dev` does not send it.
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/**
 * Readers' pages are generated once per change and kept by lib/cache/handler.mjs; shared caches (a CDN)
 * may keep them a minute and serve them stale while they fetch a new copy (docs/PUBLISHING.md).
 * Next would otherwise say `s-maxage=60, stale-while-revalidate=<a year>` without `public`.
 */
const PUBLIC_PAGE_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=86400";

// API responses are data, never documents: opened in a tab, nothing in them may load or run, nor be framed.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every page but a fact-check's embed card, which other sites frame (its CSP says `frame-ancestors *`). */
const NOT_AN_EMBED = "/:path((?!fact-checks/[^/]+/embed$).*)";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test run builds into its own folder so it never clobbers a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // The production cache of generated pages and data: in each instance's memory, dropped on every
  // instance when published data changes (PostgreSQL NOTIFY). Next's own memory cache is off so that
  // nothing is served from a copy this handler has not checked.
  cacheHandler: fileURLToPath(new URL("./lib/cache/handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  // `npm test` typechecks the whole project (tsc) before it builds and `npm run bench` measures
  // rather than checks, so their builds skip the build's own copy of that check; `npm run build` keeps it.
  typescript: { tsconfigPath: "tsconfig.json", ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // forbidden(): pages a role may not open answer 403 with app/forbidden.tsx.
  // Server actions: the article import form sends a file of up to 1 MB or up to 1,000,000 pasted
  // characters (up to 3 bytes each in UTF-8); the default limit (1 MB) would refuse it before the
  // form could say which field is too large.
  experimental: { authInterrupts: true, globalNotFound: true, serverActions: { bodySizeLimit: "4mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // For browsers without CSP frame-ancestors.
      { source: NOT_AN_EMBED, headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/fact-checks/:path+", headers: [{ key: "Cache-Control", value: PUBLIC_PAGE_CACHE_CONTROL }] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
