import pg from "pg";
import { inject } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { dropDatabase } from "@/scripts/lib/database";
import { databaseUrl, uniqueDatabaseName } from "@/scripts/lib/test-database";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop: () => Promise<void>;
}

/** A private copy of the migrated, seeded template database (a file copy in PostgreSQL: milliseconds). */
export async function cloneSeededDatabase(label: string): Promise<TestDatabase> {
  const adminUrl = inject("testDatabaseServerUrl");
  const name = uniqueDatabaseName(label);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}
