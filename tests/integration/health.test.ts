import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await cloneSeededDatabase("health");
});
afterAll(async () => {
  await database.drop();
});

/** The route as a fresh server process would load it, with DATABASE_URL read anew. */
async function healthWith(databaseUrl: string): Promise<Response> {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  process.env.DATABASE_URL = databaseUrl;
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

describe("GET /api/health", () => {
  it("answers 200, not cached, when the database answers", async () => {
    const response = await healthWith(database.url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not", async () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const response = await healthWith("postgresql://nobody:nothing@127.0.0.1:1/none");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/database is unavailable/i) });
  });
});
