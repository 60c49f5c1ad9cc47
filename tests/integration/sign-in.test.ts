/**
 * Sign-in through Better Auth's endpoint. The file runs as `npm run dev` does (NODE_ENV=development,
 * Vitest's TEST unset, set before Better Auth loads, as it reads NODE_ENV once): under "test" Better
 * Auth skips its origin check. The app sits behind proxies in 10.0.0.0/8 (TRUSTED_PROXIES).
 */
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordSignInFailure, signInRetryAfterSeconds } from "@/domains/users/sign-in-throttle-store";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

vi.hoisted(() => {
  Object.assign(process.env, { NODE_ENV: "development", PORT: "3000", TRUSTED_PROXIES: "10.0.0.0/8" });
  delete process.env.TEST;
});

let database: TestDatabase;
let handler: typeof import("@/app/api/auth/[...all]/route").POST;

beforeAll(async () => {
  database = await cloneSeededDatabase("sign_in");
  process.env.DATABASE_URL = database.url;
  handler = (await import("@/app/api/auth/[...all]/route")).POST;
});
afterAll(async () => {
  await database.drop();
});

async function signIn(email: string, password: string, ip = "203.0.113.7", headers: Record<string, string> = {}) {
  const response = await handler(
    // The URL Next gives a route handler under `next dev`: "localhost", whatever host the browser used.
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null, headers: response.headers };
}

describe("POST /api/auth/sign-in/email", () => {
  it("signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const result = await signIn(DEMO.editor, DEMO_PASSWORD);
    expect(result.status).toBe(200);
    const cookie = result.headers.getSetCookie().find((value) => value.includes("session_token"));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(result.text).not.toContain(DEMO_PASSWORD);
    expect(result.text).not.toMatch(/password|scrypt|hash/i);
  });

  it("says only that the email or password is wrong, whichever it was", async () => {
    const wrongPassword = await signIn(DEMO.reviewer2, "not-the-password", "203.0.113.8");
    const unknownEmail = await signIn("nobody@example.org", "not-the-password", "203.0.113.8");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.message).toBe("The email or password is wrong.");
    expect(unknownEmail.body.message).toBe(wrongPassword.body.message);
    expect(wrongPassword.text).not.toContain("not-the-password");
  });

  it("throttles repeated failures for an account, even with the right password next, and says when to retry", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(DEMO.reviewer1, `wrong-${attempt}-password`, "203.0.113.9")).status).toBe(401);
    }
    const throttled = await signIn(DEMO.reviewer1, DEMO_PASSWORD, "203.0.113.10");
    expect(throttled.status).toBe(429);
    expect(throttled.body.message).toMatch(/Too many failed sign-in attempts/);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await database.prisma.signInFailure.count({ where: { email: DEMO.reviewer1 } })).toBe(5);

    expect((await signIn(DEMO.admin, DEMO_PASSWORD, "203.0.113.9")).status).toBe(200);
  });

  it("clears the failures of an account once it signs in", async () => {
    await signIn(DEMO.editor, "wrong-password-1", "198.51.100.1");
    await signIn(DEMO.editor, "wrong-password-2", "198.51.100.1");
    expect(await database.prisma.signInFailure.count({ where: { email: DEMO.editor } })).toBe(2);
    expect((await signIn(DEMO.editor, DEMO_PASSWORD, "198.51.100.1")).status).toBe(200);
    expect(await database.prisma.signInFailure.count({ where: { email: DEMO.editor } })).toBe(0);
  });

  it("refuses malformed bodies without a 500", async () => {
    for (const body of [
      "{broken",
      "[]",
      JSON.stringify({ email: 42, password: null }),
      JSON.stringify({ email: "x".repeat(100_000), password: "y" }),
    ]) {
      const response = await handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
      );
      expect(response.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
    }
  });
});

describe("origins trusted in development, with BETTER_AUTH_URL unset", () => {
  /** What a browser's fetch() from a page at `origin` sends. */
  const fromPageAt = (origin: string) => ({
    origin,
    "sec-fetch-site": "same-origin",
    "sec-fetch-mode": "cors",
    "sec-fetch-dest": "empty",
  });

  it("signs in from a page at localhost, 127.0.0.1, [::1] or the machine's network address on the app's port", async () => {
    const networkAddresses = Object.values(networkInterfaces())
      .flatMap((addresses) => addresses ?? [])
      .filter((address) => !address.internal && address.family === "IPv4")
      .map((address) => address.address);
    for (const host of ["localhost", "127.0.0.1", "[::1]", ...networkAddresses]) {
      const origin = `http://${host}:3000`;
      expect({
        origin,
        status: (await signIn(DEMO.editor, DEMO_PASSWORD, "198.51.100.20", fromPageAt(origin))).status,
      }).toEqual({ origin, status: 200 });
    }
  });

  it("still refuses every other origin", async () => {
    for (const origin of [
      "http://evil.example",
      "http://127.0.0.1:3001",
      "https://127.0.0.1:3000",
      "http://127.0.0.1.evil.example:3000",
    ]) {
      const result = await signIn(DEMO.editor, DEMO_PASSWORD, "198.51.100.21", fromPageAt(origin));
      expect({ origin, status: result.status }).toEqual({ origin, status: 403 });
    }
  });
});

describe("throttling by address behind proxies (TRUSTED_PROXIES)", () => {
  it("counts a client by the address the proxy saw, whatever it wrote in X-Forwarded-For itself", async () => {
    const viaProxy = (client: string, forged: string) => `${forged}, ${client}, 10.0.0.5`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const result = await signIn(
        `nobody-${attempt}@example.org`,
        "not-the-password",
        viaProxy("203.0.113.50", `192.0.2.${attempt}`),
      );
      expect(result.status).toBe(401);
    }
    expect(
      (await signIn("nobody-else@example.org", "not-the-password", viaProxy("203.0.113.50", "192.0.2.99"))).status,
    ).toBe(429);
    // Another client writing the throttled address in front of its own is counted as itself.
    expect(
      (await signIn("nobody-else@example.org", "not-the-password", viaProxy("203.0.113.51", "203.0.113.50"))).status,
    ).toBe(401);
    expect(await database.prisma.signInFailure.count({ where: { ipAddress: "203.0.113.50" } })).toBe(20);
  });

  it("counts the attempts with no usable address together, as one address", async () => {
    for (let attempt = 0; attempt < 20; attempt++) await recordSignInFailure(`unknown-${attempt}@example.org`, null);
    expect(await signInRetryAfterSeconds("someone-new@example.org", null)).toBeGreaterThan(0);
    expect(await signInRetryAfterSeconds("someone-new@example.org", "198.51.100.77")).toBe(0);
  });
});
