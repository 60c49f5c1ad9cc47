import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/domains/users/roles";
import { claimExportQuerySchema, claimListQuerySchema } from "@/domains/claims/schema";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

/**
 * The raw queries' rows are checked against their schemas, so a migration that changes what a column
 * holds fails here instead of reaching a page or a CSV file. A dropped or renamed column already fails
 * in PostgreSQL; what only the check catches is a column whose type or nullability changed under a
 * query that still runs, which is what these migrations do to a private copy of the database.
 */

let database: TestDatabase;
let data: typeof import("@/domains/claims/data");
let users: typeof import("@/domains/users/mutations");
const viewer: CurrentUser = { id: "nobody", name: "Nobody", email: "nobody@example.org", role: "editor" };

beforeAll(async () => {
  database = await cloneSeededDatabase("raw_rows");
  // Migrations run before the app starts (a running app's prepared statements would refuse the new types).
  await database.prisma.$executeRawUnsafe(`ALTER TABLE "Claim" ALTER COLUMN "startOffset" TYPE bigint`);
  await database.prisma.$executeRawUnsafe(`ALTER TABLE "Article" ALTER COLUMN title DROP NOT NULL`);
  await database.prisma.$executeRawUnsafe(`UPDATE "Article" SET title = NULL`);
  await database.prisma.$executeRawUnsafe(`ALTER TYPE "Role" ADD VALUE 'owner'`);
  await database.prisma.$executeRawUnsafe(`UPDATE "User" SET role = 'owner' WHERE email = '${DEMO.reviewer1}'`);
  // The data module reads DATABASE_URL on first use, so it is set before it loads.
  process.env.DATABASE_URL = database.url;
  data = await import("@/domains/claims/data");
  users = await import("@/domains/users/mutations");
});
afterAll(async () => {
  await database.drop();
});

describe("raw query rows after a migration changed a column", () => {
  it("still read for a query the migration did not touch", async () => {
    expect(await data.listTopics()).toContain("Political transition");
  });

  it("fail the claims list when an offset became a bigint", async () => {
    await expect(data.listClaims(claimListQuerySchema.parse({}), viewer)).rejects.toThrow(
      /Row 0 of a raw query does not match its schema[\s\S]*startOffset/,
    );
  });

  it("fail the CSV export when an article title became nullable and one is missing", async () => {
    await expect(data.listClaimsForExport(claimExportQuerySchema.parse({}), viewer)).rejects.toThrow(
      /Row 0 of a raw query does not match its schema[\s\S]*articleTitle/,
    );
  });

  it("fail a role change when a user holds a role a migration added and the code does not know", async () => {
    const admin = await database.prisma.user.findUniqueOrThrow({
      where: { email: DEMO.admin },
      select: { id: true, name: true, email: true, role: true },
    });
    const owner = await database.prisma.user.findUniqueOrThrow({
      where: { email: DEMO.reviewer1 },
      select: { id: true },
    });
    await expect(users.changeRole(admin, owner.id, "editor")).rejects.toThrow(
      /Row \d of a raw query does not match its schema[\s\S]*role/,
    );
  });
});
