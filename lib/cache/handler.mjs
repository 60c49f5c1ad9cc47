// @ts-check
/**
 * Next's cache handler (next.config.js `cacheHandler`): where the production server keeps the pages and
 * data it generates once and serves many times (ISR pages, cached route bodies, unstable_cache).
 *
 * Entries live in this process's memory, bounded (least recently used go first), and are only served
 * while they are known to be current. What says so lives in PostgreSQL, not here: every change that
 * readers can see (a trigger on the published tables, prisma/migrations/*_public_cache_notify) sends
 * `NOTIFY public_cache` in its own transaction, so the notice goes out exactly when the change commits.
 * Every instance LISTENs; a notice moves this process's epoch on and every entry stored before it is
 * dropped at its next read, so all instances serve the new version within the notice's delay (a few
 * milliseconds). While the listening connection is down (database restart, network), nothing is served
 * from the cache: pages are generated per request, correct but slower, until the connection is back;
 * a heartbeat finds a silent connection loss within HEARTBEAT_MS.
 *
 * Stored HTML pages get a Content-Security-Policy with the SHA-256 of each inline script and style they
 * contain: a cached page cannot carry a per-request nonce, and hashes allow exactly what was generated.
 *
 * Plain JavaScript: Next loads this file itself at run time, outside the bundles.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { contentSecurityPolicy } from "../content-security-policy.mjs";

export const NOTIFY_CHANNEL = "public_cache";
export const LISTENER_NAME = "factcheck public cache";
const MAX_BYTES = Number(process.env.PUBLIC_CACHE_MAX_BYTES ?? 256 * 1024 * 1024);
const HEARTBEAT_MS = 1000;
const RECONNECT_MS = 500;
/** Keys read but not yet stored again; more than this (a crawl of unknown addresses) and the oldest are forgotten. */
const MAX_PENDING = 10_000;

/**
 * @typedef {{ value: any, lastModified: number, epoch: number, bytes: number, cacheControl?: unknown }} Entry
 * @typedef {{
 *   epoch: number,
 *   listening: boolean,
 *   started: boolean,
 *   entries: Map<string, Entry>,
 *   bytes: number,
 *   pending: Map<string, number>,
 *   client: pg.Client | null,
 * }} State
 */

/** One state per process, whichever copy of this module Next loaded. */
function state() {
  const key = Symbol.for("factcheck.public-cache");
  const scope = /** @type {Record<symbol, State>} */ (/** @type {unknown} */ (globalThis));
  scope[key] ??= {
    epoch: 0,
    listening: false,
    started: false,
    entries: new Map(),
    bytes: 0,
    pending: new Map(),
    client: null,
  };
  return scope[key];
}

/**
 * The production server only: `next build` has no database, `next dev` renders every request anyway,
 * and tests that call route handlers directly read what they just wrote. PUBLIC_CACHE=off turns it
 * off; PUBLIC_CACHE=on turns it on outside production (the cache's own tests).
 */
function cachingPossible() {
  const wanted = process.env.PUBLIC_CACHE ?? (process.env.NODE_ENV === "production" ? "on" : "off");
  return wanted === "on" && Boolean(process.env.DATABASE_URL) && process.env.NEXT_PHASE !== "phase-production-build";
}

/** @param {State} shared */
function forgetEverything(shared) {
  shared.epoch += 1;
  shared.entries.clear();
  shared.bytes = 0;
  shared.pending.clear();
}

/** @param {State} shared */
function startListening(shared) {
  if (shared.started || !cachingPossible()) return;
  shared.started = true;
  const connect = async () => {
    if (!cachingPossible()) {
      shared.started = false;
      return;
    }
    const client = new pg.Client({
      connectionString: process.env.DATABASE_URL,
      query_timeout: HEARTBEAT_MS * 2,
      // Named in pg_stat_activity, for whoever looks at the database's connections.
      application_name: LISTENER_NAME,
    });
    let heartbeat = /** @type {NodeJS.Timeout | undefined} */ (undefined);
    const lost = () => {
      if (shared.client !== client) return;
      shared.client = null;
      shared.listening = false;
      clearInterval(heartbeat);
      // Notices sent while nobody listened are unknown: nothing stored before may be served.
      forgetEverything(shared);
      client.end().catch(() => {});
      setTimeout(connect, RECONNECT_MS).unref();
    };
    shared.client = client;
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", () => {
      shared.epoch += 1;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      // Anything stored while not listening was already dropped; from here on, every notice arrives.
      forgetEverything(shared);
      shared.listening = true;
      heartbeat = setInterval(() => {
        client.query("SELECT 1").catch(lost);
      }, HEARTBEAT_MS);
      heartbeat.unref();
    } catch {
      lost();
    }
  };
  void connect();
}

/** @param {string} text */
function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** @param {string} html @param {"script" | "style"} element */
function inlineHashes(html, element) {
  const pattern =
    element === "script"
      ? /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi
      : /<style[^>]*>([\s\S]*?)<\/style>/gi;
  return [...new Set([...html.matchAll(pattern)].map((match) => sha256(match[1] ?? "")))];
}

/**
 * The policy of a cached page: its own inline scripts and styles by hash, the rest as on every page
 * (proxy.ts). Only an embed card may be framed, by any site.
 * @param {string} key @param {string} html
 */
export function cachedPageContentSecurityPolicy(key, html) {
  return contentSecurityPolicy({
    scriptSources: inlineHashes(html, "script"),
    styleSources: inlineHashes(html, "style"),
    frameAncestors: /\/embed(?:$|[/?])/.test(key) ? "*" : "'none'",
  });
}

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 1;
  switch (value.kind) {
    case "APP_PAGE": {
      let bytes = (value.html?.length ?? 0) + (value.rscData?.length ?? 0);
      if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += segment.length;
      return bytes;
    }
    case "APP_ROUTE":
      return value.body?.length ?? 0;
    case "FETCH":
      return JSON.stringify(value.data ?? null).length;
    default:
      return JSON.stringify(value).length;
  }
}

/**
 * @param {State} shared
 * @param {string} key
 * @param {any} value
 * @param {number} readAt the epoch before the data was read
 * @param {unknown} [cacheControl]
 */
function store(shared, key, value, readAt, cacheControl) {
  const previous = shared.entries.get(key);
  if (previous) {
    shared.entries.delete(key);
    shared.bytes -= previous.bytes;
  }
  const bytes = sizeOf(value);
  if (bytes > MAX_BYTES / 8) return;
  shared.entries.set(key, { value, lastModified: Date.now(), epoch: readAt, bytes, cacheControl });
  shared.bytes += bytes;
  for (const [oldest, entry] of shared.entries) {
    if (shared.bytes <= MAX_BYTES) break;
    shared.entries.delete(oldest);
    shared.bytes -= entry.bytes;
  }
}

/** The entry under `key` if it is still current (and now the most recently used); a stale one goes. */
function current(/** @type {State} */ shared, /** @type {string} */ key) {
  const entry = shared.entries.get(key);
  if (entry && entry.epoch === shared.epoch) {
    shared.entries.delete(key);
    shared.entries.set(key, entry);
    return entry;
  }
  if (entry) {
    shared.entries.delete(key);
    shared.bytes -= entry.bytes;
  }
  return undefined;
}

/**
 * The value `build` makes, kept in the same cache as the pages and dropped with them: for the public
 * route handlers (lib/http-cache.ts), whose answers depend on nothing but `key`.
 * @template T
 * @param {string} key
 * @param {() => Promise<T>} build
 * @returns {Promise<T>}
 */
export async function remember(key, build) {
  const shared = state();
  startListening(shared);
  const namespaced = `remember:${key}`;
  const entry = shared.listening ? current(shared, namespaced) : undefined;
  if (entry) return entry.value;
  const readAt = shared.epoch;
  const value = await build();
  if (shared.listening && shared.epoch === readAt) store(shared, namespaced, value, readAt);
  return value;
}

export default class PublicCacheHandler {
  constructor() {
    startListening(state());
  }

  /** @param {string} key */
  async get(key) {
    const shared = state();
    if (!shared.listening) return null;
    const entry = current(shared, key);
    // Current until a notice says otherwise, whatever its age: Next need not regenerate it in the
    // background after `revalidate` seconds (that figure only sets what shared caches are told).
    if (entry) return { value: entry.value, lastModified: Date.now(), cacheControl: entry.cacheControl };
    // The render that follows this miss is stamped with the epoch seen now (or an earlier miss's): a
    // notice that arrives while it reads the database makes it too old to keep.
    if (!shared.pending.has(key)) {
      if (shared.pending.size >= MAX_PENDING) shared.pending.delete(shared.pending.keys().next().value ?? "");
      shared.pending.set(key, shared.epoch);
    }
    return null;
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {{ cacheControl?: unknown }} [context]
   */
  async set(key, value, context) {
    const shared = state();
    const readAt = shared.pending.get(key);
    shared.pending.delete(key);
    if (value?.kind === "APP_PAGE" && typeof value.html === "string") {
      // The response being sent now reads these headers too, stored or not.
      value.headers ??= {};
      value.headers["content-security-policy"] = cachedPageContentSecurityPolicy(key, value.html);
    }
    // Generated from data read before a change was announced: serve it this once, never again.
    if (!shared.listening || value === null || readAt !== shared.epoch) return;
    store(shared, key, value, readAt, context?.cacheControl);
  }

  /** revalidateTag()/revalidatePath(): tell every instance, as the database triggers do. */
  async revalidateTag() {
    const shared = state();
    shared.epoch += 1;
    if (shared.client && shared.listening) await shared.client.query(`NOTIFY ${NOTIFY_CHANNEL}`);
  }

  resetRequestCache() {}
}
