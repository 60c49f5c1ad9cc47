import { DEMO_PASSWORD } from "@/prisma/seed/seed";

export const DEMO = {
  reviewer1: "reviewer1@example.org",
  reviewer2: "reviewer2@example.org",
  editor: "editor@example.org",
  admin: "admin@example.org",
} as const;

const ORIGIN = "http://localhost:3000";

/**
 * Signs in through Better Auth's real endpoint (POST /api/auth/sign-in/email) and returns the
 * Cookie header a client would send. Needs DATABASE_URL set to the test database first.
 */
export async function signInCookie(email: string, password = DEMO_PASSWORD): Promise<string> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  const response = await POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (response.status !== 200)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

/** A Request as a browser or API client would send it, with a session cookie when given. */
export function apiRequest(
  path: string,
  options: {
    method?: string;
    cookie?: string;
    json?: unknown;
    body?: string | Uint8Array<ArrayBuffer>;
    origin?: string;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers({ host: "localhost:3000", ...options.headers });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.origin) headers.set("origin", options.origin);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  return new Request(`${ORIGIN}${path}`, { method: options.method ?? "GET", headers, body });
}

/** The route context Next passes to a dynamic route handler. */
export function routeParams<P extends Record<string, string>>(params: P) {
  return { params: Promise.resolve(params) };
}

export async function responseJson(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
