import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

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

function tokenOf(cookie: string): string {
  const value = decodeURIComponent(cookie.split("=").slice(1).join("="));
  return value.slice(0, value.lastIndexOf("."));
}

async function statusWith(cookie: string): Promise<number> {
  return (await listClaimsApi(apiRequest("/api/claims?pageSize=1", { cookie }), { params: Promise.resolve({}) })).status;
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
    const { expiresAt } = await database.prisma.session.findUniqueOrThrow({ where: { token }, select: { expiresAt: true } });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * DAY_MS);
  });

  it("stops a deactivated user's session at once", async () => {
    const cookie = await signInCookie(DEMO.admin);
    expect(await statusWith(cookie)).toBe(200);
    await database.prisma.user.update({ where: { email: DEMO.admin }, data: { active: false } });
    expect(await statusWith(cookie)).toBe(401);
  });
});
