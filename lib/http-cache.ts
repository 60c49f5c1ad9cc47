import { createHash } from "node:crypto";
import { remember } from "./cache/handler.mjs";

/** How long shared caches (a CDN) may serve a public answer, and serve it stale while they fetch a new one. */
export const PUBLIC_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=86400";

export interface PublicBody {
  body: string;
  contentType: string;
  /** The last change of what the body shows (Last-Modified); null when nothing is published yet. */
  lastModified: Date | null;
  status?: number;
}

interface StoredBody {
  body: string;
  contentType: string;
  lastModified: string | null;
  status: number;
  etag: string;
}

function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function notModified(request: Request, stored: StoredBody): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === stored.etag || tag === "*");
  }
  const ifModifiedSince = request.headers.get("if-modified-since");
  if (ifModifiedSince === null || stored.lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(Date.parse(stored.lastModified) / 1000) * 1000 <= since;
}

/**
 * A public answer built once per change and then served from the cache of lib/cache/handler.mjs
 * (which drops every entry when published data changes, on every instance), with headers a CDN can
 * keep and a 304 when the reader's copy is current.
 * `key` names the answer (for example ["claimreview", "12"]); it must hold every input of `build`.
 */
export async function publicResponse(
  request: Request,
  key: string[],
  build: () => Promise<PublicBody>,
): Promise<Response> {
  const stored = await remember(JSON.stringify(key), async (): Promise<StoredBody> => {
    const built = await build();
    return {
      body: built.body,
      contentType: built.contentType,
      lastModified: built.lastModified?.toISOString() ?? null,
      status: built.status ?? 200,
      etag: strongEtag(built.body),
    };
  });
  const headers = new Headers({ "cache-control": PUBLIC_CACHE_CONTROL, etag: stored.etag });
  if (stored.lastModified) headers.set("last-modified", new Date(stored.lastModified).toUTCString());
  if (stored.status === 200 && notModified(request, stored)) return new Response(null, { status: 304, headers });
  headers.set("content-type", stored.contentType);
  return new Response(request.method === "HEAD" ? null : stored.body, { status: stored.status, headers });
}
