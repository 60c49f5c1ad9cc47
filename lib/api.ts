import type { z } from "zod";
import { DomainError, HTTP_STATUS, isDomainError } from "@/lib/errors";
import { type FieldErrors, fieldErrorsOf, parseId } from "@/lib/validation";

export function jsonError(
  status: number,
  error: string,
  fields?: FieldErrors,
  details?: Record<string, unknown>,
): Response {
  return Response.json({ error, ...(fields ? { fields } : {}), ...details }, { status });
}

/** Prisma's codes for a server it cannot reach, a connection it lost, or no free connection in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** @prisma/adapter-pg's kinds for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** PostgreSQL: connection exception (08…), shutting down or starting up (57P01-57P03), too many connections; Node's socket errors. */
const UNAVAILABLE_CODE = /^(08[0-9A-Z]{3}|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|is not queryable|the database system is (starting up|shutting down)|terminating connection/i;

/**
 * Whether an error means the database cannot be used right now (a 503) rather than a fault in the
 * request or the code (a 500). Prisma wraps the driver's error: its code, the driver adapter's
 * error kept in `meta.driverAdapterError` and that error's `cause` are all looked at.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, errorCode, kind, message, meta, cause } = current as Record<string, unknown>;
    for (const value of [code, errorCode]) {
      if (typeof value === "string" && (UNAVAILABLE_PRISMA_CODES.has(value) || UNAVAILABLE_CODE.test(value)))
        return true;
    }
    if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError ?? cause;
  }
  return false;
}

/**
 * Route handlers run inside this: a refusal from the domain becomes its status code with a JSON
 * body, a database outage answers 503 quickly instead of a bare 500, and an unexpected failure
 * still answers JSON, logged with its stack on the server.
 */
export function handleErrors<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDomainError(error)) return jsonError(HTTP_STATUS[error.kind], error.message, error.fields, error.details);
      if (isDatabaseUnavailable(error))
        return jsonError(503, "The database is unavailable. Try again in a few seconds.");
      console.error(error);
      return jsonError(500, "Internal error.");
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A write from a page of another site (a forged form or fetch) carries its own Origin: refuse it. */
function isCrossOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Builds `authenticatedRoute`, the wrapper of route handlers for signed-in users only: 401 without a
 * valid session, 403 for a cross-site write. Who is signed in is the users domain's business, so it
 * hands its session lookup in (domains/users/session.ts) and lib stays below every domain.
 */
export function authenticatedRouteWith<User>(userOf: (requestHeaders: Headers) => Promise<User | null>) {
  return function authenticatedRoute<Params = Record<string, never>>(
    handler: (args: { request: Request; user: User; params: Params }) => Promise<Response>,
  ): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
    return handleErrors(async (request: Request, context: { params: Promise<Params> }) => {
      if (isCrossOrigin(request)) return jsonError(403, "Requests from another site are refused.");
      const user = await userOf(request.headers);
      if (!user) return jsonError(401, "Sign in first: POST /api/auth/sign-in/email with { email, password }.");
      return handler({ request, user, params: await context.params });
    });
  };
}

const MAX_BODY_BYTES = 1_000_000;

/** Fatal: `request.text()` would turn bytes that are not UTF-8 into U+FFFD and store them so. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The request's JSON body; broken, missing, oversized or non-UTF-8 JSON is a 4xx, never a 500. */
export async function readJson(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > MAX_BODY_BYTES) return { ok: false, response: jsonError(413, "The request body is too large.") };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid UTF-8.") };
  }
  if (text.trim() === "") return { ok: false, response: jsonError(400, "The request needs a JSON body.") };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
}

/** The request body parsed with the domain's schema; a refusal is a 400 naming the fields at fault. */
export async function parseBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  invalidMessage: string,
): Promise<{ ok: true; data: z.infer<Schema> } | { ok: false; response: Response }> {
  const body = await readJson(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.body);
  if (!parsed.success) return { ok: false, response: jsonError(400, invalidMessage, fieldErrorsOf(parsed.error)) };
  return { ok: true, data: parsed.data };
}

/** A path id, or a 404 (thrown, answered by handleErrors): a malformed id names no row either. */
export function pathId(raw: string, notFoundMessage: string): number {
  const id = parseId(raw);
  if (id === null) throw new DomainError("not_found", notFoundMessage);
  return id;
}
