import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

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

async function signIn(email: string, password: string, ip = "203.0.113.7") {
  const response = await handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
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
    for (const body of ["{broken", "[]", JSON.stringify({ email: 42, password: null }), JSON.stringify({ email: "x".repeat(100_000), password: "y" })]) {
      const response = await handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body }),
      );
      expect(response.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 40)).toBeLessThan(500);
    }
  });
});
