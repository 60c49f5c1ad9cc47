/**
 * An admin sets a user's password (domains/users setPassword, and the Users page's Server Action):
 * checked through Better Auth's real sign-in route and the app's API, against a real PostgreSQL.
 */
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/domains/users/roles";
import { IDLE_STATE } from "@/lib/action-state";
import { DomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The Server Action reads its session from next/headers, which only Next provides: it answers the cookie set here.
const requestScope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestScope.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let database: TestDatabase;
let users: typeof import("@/domains/users/mutations");
let actions: typeof import("@/domains/users/actions");
let listClaimsApi: typeof import("@/app/api/claims/route").GET;
let signInRoute: typeof import("@/app/api/auth/[...all]/route").POST;
const demo = {} as Record<keyof typeof DEMO, CurrentUser>;

beforeAll(async () => {
  database = await cloneSeededDatabase("password_reset");
  process.env.DATABASE_URL = database.url;
  users = await import("@/domains/users/mutations");
  actions = await import("@/domains/users/actions");
  listClaimsApi = (await import("@/app/api/claims/route")).GET;
  signInRoute = (await import("@/app/api/auth/[...all]/route")).POST;
  for (const [key, email] of Object.entries(DEMO) as [keyof typeof DEMO, string][]) {
    demo[key] = await database.prisma.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, email: true, role: true },
    });
  }
});
afterAll(async () => {
  await database.drop();
});

let counter = 0;
const freshPassword = () => `a-fresh-passphrase-${++counter}-long`;

/** A user of their own per test, signed in with the seed's password, so no test depends on another. */
async function newUserSignedIn(role: CurrentUser["role"] = "reviewer"): Promise<{ user: CurrentUser; cookie: string }> {
  const email = `reset-target-${++counter}@example.org`;
  const { id } = await users.createUser(demo.admin, {
    name: `Target ${counter}`,
    email,
    role,
    password: DEMO_PASSWORD,
  });
  return { user: { id, name: `Target ${counter}`, email, role }, cookie: await signInCookie(email, DEMO_PASSWORD) };
}

async function signInStatus(email: string, password: string): Promise<number> {
  const response = await signInRoute(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    }),
  );
  return response.status;
}

async function claimsApiStatus(cookie: string): Promise<number> {
  return (await listClaimsApi(apiRequest("/api/claims", { cookie }), { params: Promise.resolve({}) })).status;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** Every credential and session row: what a refused reset must leave as it was. */
async function credentialsAndSessions(): Promise<unknown> {
  return {
    accounts: await database.prisma.account.findMany({ orderBy: { id: "asc" } }),
    sessions: await database.prisma.session.findMany({
      orderBy: { id: "asc" },
      select: { id: true, userId: true, expiresAt: true },
    }),
  };
}

async function credentialsOf(userId: string) {
  return database.prisma.account.findMany({
    where: { userId },
    select: { id: true, providerId: true, password: true },
  });
}

describe("an admin sets a user's password", () => {
  it("lets the user sign in with the new one only, and ends their sessions but no one else's", async () => {
    const { user, cookie } = await newUserSignedIn();
    const adminCookie = await signInCookie(DEMO.admin);
    const [credentialBefore] = await credentialsOf(user.id);
    expect(await claimsApiStatus(cookie)).toBe(200);
    const password = freshPassword();

    expect(await users.setPassword(demo.admin, user.id, password)).toEqual({ name: user.name });

    // The credential is replaced in place, not added beside the old one.
    const credentials = await credentialsOf(user.id);
    expect(credentials).toEqual([{ id: credentialBefore!.id, providerId: "credential", password: expect.any(String) }]);
    expect(await verifyPassword({ hash: credentials[0]!.password!, password })).toBe(true);
    expect(await database.prisma.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await claimsApiStatus(cookie)).toBe(401);
    expect(await signInStatus(user.email, DEMO_PASSWORD)).toBe(401);
    expect(await claimsApiStatus(await signInCookie(user.email, password))).toBe(200);
    expect(await claimsApiStatus(adminCookie)).toBe(200);
  });

  it("gives a credential to a user restored without one (a backup made without --with-passwords)", async () => {
    const { user } = await newUserSignedIn("editor");
    await database.prisma.account.deleteMany({ where: { userId: user.id } });
    await database.prisma.session.deleteMany({ where: { userId: user.id } });
    expect(await signInStatus(user.email, DEMO_PASSWORD)).toBe(401);
    const password = freshPassword();

    await users.setPassword(demo.admin, user.id, password);

    expect(await credentialsOf(user.id)).toEqual([
      { id: expect.any(String), providerId: "credential", password: expect.any(String) },
    ]);
    expect(await claimsApiStatus(await signInCookie(user.email, password))).toBe(200);
  });

  it("lets an admin set their own, which ends every session of theirs, the one they used included", async () => {
    const { user: admin, cookie } = await newUserSignedIn("admin");
    const otherCookie = await signInCookie(admin.email, DEMO_PASSWORD);
    const password = freshPassword();

    await users.setPassword(admin, admin.id, password);

    expect(await claimsApiStatus(cookie)).toBe(401);
    expect(await claimsApiStatus(otherCookie)).toBe(401);
    expect(await claimsApiStatus(await signInCookie(admin.email, password))).toBe(200);
  });

  it("refuses reviewers and editors, changing nothing", async () => {
    const { user, cookie } = await newUserSignedIn();
    const before = await credentialsAndSessions();
    for (const actor of [demo.reviewer1, demo.editor]) {
      const error = await refusal(users.setPassword(actor, user.id, freshPassword()));
      expect(error.kind).toBe("forbidden");
      expect(error.message).toBe("Only admins can set passwords.");
    }
    expect(await credentialsAndSessions()).toEqual(before);
    expect(await claimsApiStatus(cookie)).toBe(200);
  });

  it("refuses a password out of the creation rules with a message on the password field, changing nothing", async () => {
    const { user } = await newUserSignedIn();
    const before = await credentialsAndSessions();
    const tooShort = await refusal(users.setPassword(demo.admin, user.id, "eleven-char"));
    expect(tooShort.kind).toBe("invalid");
    expect(tooShort.fields).toEqual({ password: ["At least 12 characters."] });
    const tooLong = await refusal(users.setPassword(demo.admin, user.id, "x".repeat(257)));
    expect(tooLong.fields).toEqual({ password: ["At most 256 characters."] });
    expect(await credentialsAndSessions()).toEqual(before);
  });

  it("answers not_found for an unknown user id, changing nothing", async () => {
    const before = await credentialsAndSessions();
    expect((await refusal(users.setPassword(demo.admin, "no-such-user", freshPassword()))).kind).toBe("not_found");
    expect(await credentialsAndSessions()).toEqual(before);
  });

  it("stops a deactivated admin whose session outlived the flag", async () => {
    const { user: formerAdmin } = await newUserSignedIn("admin");
    const { user } = await newUserSignedIn();
    await database.prisma.user.update({ where: { id: formerAdmin.id }, data: { active: false } });
    const before = await credentialsAndSessions();
    expect((await refusal(users.setPassword(formerAdmin, user.id, freshPassword()))).kind).toBe("forbidden");
    expect(await credentialsAndSessions()).toEqual(before);
  });
});

describe("the Users page's form (setPasswordFromForm)", () => {
  function submit(cookie: string, fields: Record<string, string>) {
    requestScope.headers = new Headers({ host: "localhost:3000", cookie });
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);
    return actions.setPasswordFromForm(IDLE_STATE, formData);
  }

  it("shows the field's message and never sends the password typed back", async () => {
    const { user } = await newUserSignedIn();
    const state = await submit(await signInCookie(DEMO.admin), { userId: user.id, password: "too-short" });
    expect(state).toMatchObject({
      status: "error",
      message: "Some fields need attention.",
      fields: { password: ["At least 12 characters."] },
    });
    expect(state.status === "error" && state.values).toEqual({ userId: user.id });
    expect(JSON.stringify(state)).not.toContain("too-short");
  });

  it("confirms a reset, and tells an admin who set their own that they are signed out", async () => {
    const { user } = await newUserSignedIn();
    const { user: admin, cookie: adminCookie } = await newUserSignedIn("admin");

    expect(await submit(adminCookie, { userId: user.id, password: freshPassword() })).toMatchObject({
      status: "success",
      message: `${user.name} has a new password and is signed out everywhere. Pass it on to them privately.`,
    });
    expect(await submit(adminCookie, { userId: admin.id, password: freshPassword() })).toMatchObject({
      status: "success",
      message: expect.stringContaining("sign in again with the new password"),
    });
    expect(await claimsApiStatus(adminCookie)).toBe(401);
  });
});

describe("the Users page's new-user form (createUserFromForm)", () => {
  it("refuses a taken email without sending the password typed back", async () => {
    requestScope.headers = new Headers({ host: "localhost:3000", cookie: await signInCookie(DEMO.admin) });
    const password = freshPassword();
    const formData = new FormData();
    const fields = { name: "Second Reviewer", email: DEMO.reviewer1, role: "reviewer", password };
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);

    const state = await actions.createUserFromForm(IDLE_STATE, formData);

    expect(state).toMatchObject({ status: "error", fields: { email: ["This email is already in use."] } });
    expect(state.status === "error" && state.values).toEqual({
      name: "Second Reviewer",
      email: DEMO.reviewer1,
      role: "reviewer",
    });
    expect(JSON.stringify(state)).not.toContain(password);
  });
});
