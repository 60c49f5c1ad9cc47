/**
 * The one-statement session check (domains/users/session.ts) against Better Auth's own `getSession`: for
 * every cookie header tried here, both must name the same user, or both nobody.
 *
 * The file runs as production does (NODE_ENV=production, Vitest's TEST unset, set before Better Auth
 * loads, as it reads NODE_ENV once): the session cookie is then `__Secure-better-auth.session_token`,
 * and an unprefixed one is someone else's planting.
 */
import { randomUUID } from "node:crypto";
import { makeSignature } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const SECRET = vi.hoisted(() => {
  const secret = "session-test-secret-0123456789abcdefghijklmnop";
  Object.assign(process.env, { NODE_ENV: "production", BETTER_AUTH_SECRET: secret });
  delete process.env.TEST;
  return secret;
});

const COOKIE_NAME = "__Secure-better-auth.session_token";

let database: TestDatabase;
let listClaimsApi: typeof import("@/app/api/claims/route").GET;

beforeAll(async () => {
  database = await cloneSeededDatabase("session");
  process.env.DATABASE_URL = database.url;
  listClaimsApi = (await import("@/app/api/claims/route")).GET;
});
afterAll(async () => {
  await database.drop();
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** The signed value (`token.signature`) of a `name=value` cookie as the sign-in set it. */
function signedValueOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
}

function tokenOf(cookie: string): string {
  const value = signedValueOf(cookie);
  return value.slice(0, value.lastIndexOf("."));
}

async function statusWith(cookie: string): Promise<number> {
  return (await listClaimsApi(apiRequest("/api/claims?pageSize=1", { cookie }), { params: Promise.resolve({}) }))
    .status;
}

/** Who each side says is signed in with this Cookie header: the fast path, and Better Auth's getSession. */
async function whoIsSignedIn(cookieHeader: string): Promise<{ fastPath: string | null; betterAuth: string | null }> {
  const [{ userFromHeaders }, { auth }] = await Promise.all([
    import("@/domains/users/session"),
    import("@/domains/users/auth"),
  ]);
  const fast = await userFromHeaders(new Headers({ cookie: cookieHeader }));
  const official = await auth().api.getSession({ headers: new Headers({ cookie: cookieHeader }) });
  return { fastPath: fast?.email ?? null, betterAuth: official?.user.email ?? null };
}

async function expectBothSay(cookieHeader: string, email: string | null) {
  expect(await whoIsSignedIn(cookieHeader), cookieHeader).toEqual({ fastPath: email, betterAuth: email });
}

/**
 * A session of `email` stored with a chosen token, and that token signed as Better Auth signs cookies.
 * The token is the first of a fixed list whose signature holds a `+` or `/`, so that its base64url
 * spelling differs from the standard one (the secret is fixed, so the choice is the same every run).
 */
async function sessionWithSlashOrPlusInSignature(email: string): Promise<{ token: string; signature: string }> {
  for (let index = 0; ; index++) {
    const token = `chosen-token-${index}-abcdefghijklmnop`;
    const signature = await makeSignature(token, SECRET);
    if (!/[+/]/.test(signature)) continue;
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    await database.prisma.session.create({
      data: { id: randomUUID(), token, userId: user.id, expiresAt: new Date(Date.now() + 6.5 * DAY_MS) },
    });
    return { token, signature };
  }
}

describe("the session check on every request", () => {
  it("accepts a fresh session cookie", async () => {
    expect(await statusWith(await signInCookie(DEMO.reviewer1))).toBe(200);
  });

  it("refuses a cookie whose signature was not made with the app's secret", async () => {
    const cookie = await signInCookie(DEMO.reviewer1);
    const [name] = cookie.split("=");
    const forged = `${name}=${encodeURIComponent(`${tokenOf(cookie)}.${Buffer.alloc(32, 7).toString("base64")}`)}`;
    expect(await statusWith(forged)).toBe(401);
    expect(await statusWith(`${name}=${tokenOf(cookie)}`)).toBe(401);
  });

  it("refuses an expired session and deletes it", async () => {
    const cookie = await signInCookie(DEMO.reviewer2);
    const token = tokenOf(cookie);
    await database.prisma.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await statusWith(cookie)).toBe(401);
    expect(await database.prisma.session.count({ where: { token } })).toBe(0);
  });

  it("extends a session used after a day, as Better Auth does, and keeps it working", async () => {
    const cookie = await signInCookie(DEMO.editor);
    const token = tokenOf(cookie);
    const aged = new Date(Date.now() + 5 * DAY_MS);
    await database.prisma.session.update({ where: { token }, data: { expiresAt: aged } });
    expect(await statusWith(cookie)).toBe(200);
    const { expiresAt } = await database.prisma.session.findUniqueOrThrow({
      where: { token },
      select: { expiresAt: true },
    });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY_MS);
  });

  it("stops a deactivated user's session at once", async () => {
    const cookie = await signInCookie(DEMO.admin);
    expect(await statusWith(cookie)).toBe(200);
    await database.prisma.user.update({ where: { email: DEMO.admin }, data: { active: false } });
    expect(await statusWith(cookie)).toBe(401);
  });
});

describe("the fast path and Better Auth agree on who is signed in", () => {
  it("reads only the cookie name Better Auth uses in production: a planted unprefixed cookie signs nobody in", async () => {
    const own = await signInCookie(DEMO.reviewer1);
    expect(own.startsWith(`${COOKIE_NAME}=`)).toBe(true);
    const planted = encodeURIComponent(signedValueOf(await signInCookie(DEMO.editor)));
    await expectBothSay(own, DEMO.reviewer1);
    await expectBothSay(`better-auth.session_token=${planted}`, null);
    await expectBothSay(`better-auth-session_token=${planted}`, null);
    await expectBothSay(`__Secure-better-auth-session_token=${planted}`, null);
    await expectBothSay(`better-auth.session_token=${planted}; ${own}`, DEMO.reviewer1);
    await expectBothSay(`${own}; better-auth.session_token=${planted}`, DEMO.reviewer1);
  });

  it("takes the first of duplicated cookies, as Better Auth does", async () => {
    const first = await signInCookie(DEMO.reviewer2);
    const second = await signInCookie(DEMO.editor);
    await expectBothSay(`${first}; ${second}`, DEMO.reviewer2);
    await expectBothSay(`${second}; ${first}`, DEMO.editor);
    await expectBothSay(`${COOKIE_NAME}=; ${second}`, null);
    await expectBothSay(`${COOKIE_NAME}=not-signed; ${second}`, null);
  });

  it("accepts only the signature encoding Better Auth writes: standard base64, 43 characters and `=`", async () => {
    const { token, signature } = await sessionWithSlashOrPlusInSignature(DEMO.reviewer1);
    const cookieWith = (sig: string) => `${COOKIE_NAME}=${encodeURIComponent(`${token}.${sig}`)}`;
    const base64url = Buffer.from(signature, "base64").toString("base64url");
    expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    await expectBothSay(cookieWith(signature), DEMO.reviewer1);
    await expectBothSay(`${COOKIE_NAME}=${token}.${signature}`, DEMO.reviewer1);
    await expectBothSay(cookieWith(`${base64url}=`), null);
    await expectBothSay(cookieWith(base64url), null);
    await expectBothSay(cookieWith(signature.slice(0, -1)), null);
    await expectBothSay(cookieWith(`${signature}=`), null);
    await expectBothSay(cookieWith(`${signature.slice(0, -2)}==`), null);
    await expectBothSay(cookieWith(` ${signature.slice(1)}`), null);
    await expectBothSay(cookieWith(`${signature.slice(0, -1)}`.padEnd(44, "A")), null);
  });
});

describe("secrets configured with BETTER_AUTH_SECRETS (rotation)", () => {
  const OLD = "rotation-old-secret-0123456789abcdefghijklmn";
  const NEW = "rotation-new-secret-9876543210zyxwvutsrqponm";

  /** Better Auth reads BETTER_AUTH_SECRETS when it is built: build it again, as a restarted server would. */
  async function restartWith(secrets: string) {
    process.env.BETTER_AUTH_SECRETS = secrets;
    delete (globalThis as { auth?: unknown }).auth;
    vi.resetModules();
  }

  afterAll(() => {
    delete process.env.BETTER_AUTH_SECRETS;
    delete (globalThis as { auth?: unknown }).auth;
    vi.resetModules();
  });

  it("signs and checks session cookies with Better Auth's current secret; rotating it ends the sessions signed before", async () => {
    await restartWith(`1:${OLD}`);
    const beforeRotation = await signInCookie(DEMO.reviewer2);
    await expectBothSay(beforeRotation, DEMO.reviewer2);

    // Better Auth 1.7 keeps older secrets for data it encrypted, but signs and checks the session
    // cookie with the current secret alone: after a rotation every session cookie is refused.
    await restartWith(`2:${NEW},1:${OLD}`);
    await expectBothSay(beforeRotation, null);
    const afterRotation = await signInCookie(DEMO.reviewer2);
    await expectBothSay(afterRotation, DEMO.reviewer2);

    await restartWith(`2:${NEW}`);
    await expectBothSay(afterRotation, DEMO.reviewer2);
    await expectBothSay(beforeRotation, null);
  });
});
