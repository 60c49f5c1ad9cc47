import { verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/domains/users/roles";
import { DomainError } from "@/lib/errors";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let users: typeof import("@/domains/users/mutations");
let data: typeof import("@/domains/users/data");
let listQueue: typeof import("@/domains/claims/queue-data").listQueue;
let listClaimsApi: typeof import("@/app/api/claims/route").GET;
let signInRoute: typeof import("@/app/api/auth/[...all]/route").POST;
const demo = {} as Record<keyof typeof DEMO, CurrentUser>;

beforeAll(async () => {
  database = await cloneSeededDatabase("users");
  // The app's modules read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  users = await import("@/domains/users/mutations");
  data = await import("@/domains/users/data");
  listQueue = (await import("@/domains/claims/queue-data")).listQueue;
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

const NEW_PASSWORD = "a-long-enough-secret-42";
let emailCounter = 0;
const newUser = (role: CurrentUser["role"] = "reviewer") => ({
  name: "Nora Newcomer",
  email: `newcomer${++emailCounter}@example.org`,
  role,
  password: NEW_PASSWORD,
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function signIn(email: string, password: string) {
  const response = await signInRoute(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
      body: JSON.stringify({ email, password }),
    }),
  );
  const body = (await response.json()) as { message?: string; code?: string };
  return { status: response.status, message: body.message, code: body.code };
}

async function claimsApiStatus(cookie: string): Promise<number> {
  return (await listClaimsApi(apiRequest("/api/claims", { cookie }), { params: Promise.resolve({}) })).status;
}

describe("only admins manage users", () => {
  it("refuses reviewers and editors, and changes nothing", async () => {
    const target = demo.reviewer2;
    const usersBefore = await database.prisma.user.count();
    for (const actor of [demo.reviewer1, demo.editor]) {
      expect((await refusal(users.createUser(actor, newUser()))).kind).toBe("forbidden");
      expect((await refusal(users.changeRole(actor, target.id, "admin"))).kind).toBe("forbidden");
      expect((await refusal(users.setActive(actor, target.id, false))).kind).toBe("forbidden");
    }
    expect(await database.prisma.user.count()).toBe(usersBefore);
    expect(
      await database.prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, active: true } }),
    ).toEqual({
      role: "reviewer",
      active: true,
    });
  });

  it("lets an admin create a user, change their role, deactivate and reactivate them", async () => {
    const input = newUser("reviewer");
    const { id } = await users.createUser(demo.admin, input);
    expect(await users.changeRole(demo.admin, id, "editor")).toEqual({ name: input.name, role: "editor" });
    expect(await users.setActive(demo.admin, id, false)).toEqual({ name: input.name, active: false });
    expect(await users.setActive(demo.admin, id, true)).toEqual({ name: input.name, active: true });
    expect(
      await database.prisma.user.findUniqueOrThrow({
        where: { id },
        select: { email: true, role: true, active: true },
      }),
    ).toEqual({
      email: input.email,
      role: "editor",
      active: true,
    });
  });

  it("answers not_found for an unknown user id", async () => {
    expect((await refusal(users.changeRole(demo.admin, "no-such-user", "editor"))).kind).toBe("not_found");
    expect((await refusal(users.setActive(demo.admin, "no-such-user", false))).kind).toBe("not_found");
  });
});

describe("createUser", () => {
  it("refuses a duplicate email with a message on the email field", async () => {
    const usersBefore = await database.prisma.user.count();
    const error = await refusal(users.createUser(demo.admin, { ...newUser(), email: DEMO.reviewer1 }));
    expect(error.kind).toBe("invalid");
    expect(error.fields?.email).toEqual([expect.any(String)]);
    expect(await database.prisma.user.count()).toBe(usersBefore);
  });

  it("stores the password only as a hash, and listUsers never returns password fields", async () => {
    const input = newUser();
    const { id } = await users.createUser(demo.admin, input);
    const account = await database.prisma.account.findFirstOrThrow({ where: { userId: id, providerId: "credential" } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toBe(input.password);
    expect(account.password).not.toContain(input.password);
    expect(await verifyPassword({ hash: account.password!, password: input.password })).toBe(true);
    expect(await verifyPassword({ hash: account.password!, password: `${input.password}x` })).toBe(false);

    const listed = await data.listUsers();
    expect(listed.find((user) => user.id === id)).toMatchObject({
      email: input.email,
      role: "reviewer",
      active: true,
      assignedClaimCount: 0,
    });
    for (const user of listed) {
      expect(Object.keys(user).sort()).toEqual([
        "active",
        "assignedClaimCount",
        "createdAt",
        "email",
        "id",
        "name",
        "role",
      ]);
    }
    expect(JSON.stringify(listed)).not.toContain(account.password!);
  });

  it("lets the new user sign in with that password", async () => {
    const input = newUser();
    await users.createUser(demo.admin, input);
    expect(await claimsApiStatus(await signInCookie(input.email, input.password))).toBe(200);
  });
});

describe("deactivation", () => {
  it("ends the user's sessions at once and refuses sign-in with the wrong-credentials message", async () => {
    const target = demo.reviewer2;
    const cookie = await signInCookie(target.email);
    expect(await claimsApiStatus(cookie)).toBe(200);

    await users.setActive(demo.admin, target.id, false);
    expect(await database.prisma.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await claimsApiStatus(cookie)).toBe(401);

    const rightPassword = await signIn(target.email, DEMO_PASSWORD);
    const wrongPassword = await signIn(DEMO.reviewer1, "not-the-password-at-all");
    expect(rightPassword.status).toBe(401);
    expect(rightPassword).toEqual(wrongPassword);
    expect(await data.listAssignableUsers()).not.toContainEqual(expect.objectContaining({ id: target.id }));

    await users.setActive(demo.admin, target.id, true);
    expect(await claimsApiStatus(await signInCookie(target.email))).toBe(200);
    expect(await data.listAssignableUsers()).toContainEqual({ id: target.id, name: target.name, role: "reviewer" });
  });
});

describe("the desk always keeps an admin", () => {
  it("refuses an admin who deactivates or demotes themselves, and keeps their session", async () => {
    const cookie = await signInCookie(DEMO.admin);
    const deactivating = await refusal(users.setActive(demo.admin, demo.admin.id, false));
    expect(deactivating.kind).toBe("forbidden");
    expect(deactivating.message).toMatch(/your own account/);
    const demoting = await refusal(users.changeRole(demo.admin, demo.admin.id, "editor"));
    expect(demoting.kind).toBe("forbidden");
    expect(demoting.message).toMatch(/your own role/);
    expect(
      await database.prisma.user.findUniqueOrThrow({
        where: { id: demo.admin.id },
        select: { role: true, active: true },
      }),
    ).toEqual({
      role: "admin",
      active: true,
    });
    expect(await claimsApiStatus(cookie)).toBe(200);
  });

  it("keeps an admin when two admins demote each other at the same moment", async () => {
    const input = newUser("admin");
    const second: CurrentUser = {
      id: (await users.createUser(demo.admin, input)).id,
      name: input.name,
      email: input.email,
      role: "admin",
    };
    // Both rows are held until both changes are under way, so they really do overlap.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query('SELECT id FROM "User" WHERE id = ANY($1) FOR UPDATE', [[demo.admin.id, second.id]]);
    const settling = Promise.allSettled([
      users.changeRole(demo.admin, second.id, "editor"),
      users.changeRole(second, demo.admin.id, "editor"),
    ]);
    try {
      await expect
        .poll(async () => {
          const [waiting] = await database.prisma.$queryRaw<{ count: number }[]>`
            SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
          return waiting?.count;
        })
        .toBe(2);
    } finally {
      await blocker.query("COMMIT");
      await blocker.end();
    }
    const outcomes = await settling;
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ kind: "forbidden" });
    expect(
      await database.prisma.user.count({
        where: { id: { in: [demo.admin.id, second.id] }, role: "admin", active: true },
      }),
    ).toBe(1);
    // Leave the demo admin as the seed made it for the other tests.
    const remaining = await database.prisma.user.findFirstOrThrow({
      where: { id: { in: [demo.admin.id, second.id] }, role: "admin" },
    });
    if (remaining.id === second.id) await users.changeRole(second, demo.admin.id, "admin");
  });
});

describe("assigned claims", () => {
  it("are counted by listUsers and grouped by status in the assignee's queue", async () => {
    const claims = await database.prisma.claim.findMany({ orderBy: { id: "asc" }, take: 3, select: { id: true } });
    await database.prisma.claim.updateMany({
      where: { id: { in: claims.map((claim) => claim.id) } },
      data: { assigneeId: demo.reviewer1.id },
    });
    await database.prisma.claim.update({ where: { id: claims[2]!.id }, data: { status: "in_progress" } });

    const listed = await data.listUsers();
    expect(listed.find((user) => user.id === demo.reviewer1.id)?.assignedClaimCount).toBe(3);
    expect(listed.find((user) => user.id === demo.reviewer2.id)?.assignedClaimCount).toBe(0);

    const queue = await listQueue(demo.reviewer1.id);
    expect(queue.total).toBe(3);
    expect(queue.groups.map((group) => [group.status, group.items.map((item) => item.id)])).toEqual([
      ["unreviewed", [claims[0]!.id, claims[1]!.id]],
      ["in_progress", [claims[2]!.id]],
      ["awaiting_second_review", []],
      ["verified", []],
    ]);
    expect(Object.keys(queue.groups[0]!.items[0]!).sort()).toEqual(["id", "statement", "status", "verdict"]);
    expect((await listQueue(demo.reviewer2.id)).total).toBe(0);
  });
});
