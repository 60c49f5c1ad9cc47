import { spawn } from "node:child_process";
import path from "node:path";
import { seedDatabase, isDatabaseEmpty } from "@/prisma/seed/seed";
import { createPrismaClient } from "@/lib/prisma-client";
import { PROJECT_ROOT } from "./database";

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** `prisma migrate deploy` through the project's wrapper, which picks the offline engine when needed. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  const code = await run(process.execPath, [path.join(PROJECT_ROOT, "scripts/prisma.mjs"), "migrate", "deploy"], {
    ...process.env,
    DATABASE_URL: databaseUrl,
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit code ${code}).`);
}

export async function seed(databaseUrl: string, options: { onlyIfEmpty: boolean }): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    if (options.onlyIfEmpty && !(await isDatabaseEmpty(prisma))) {
      return "The database already holds articles: not seeding.";
    }
    const result = await seedDatabase(prisma);
    if (!result.articleCreated && result.claimsCreated === 0) {
      return `Seed data already present (1 article, ${result.claimsInSeed} claims): nothing changed.`;
    }
    return `Seeded ${result.articleCreated ? "the article" : "no new article"} and ${result.claimsCreated} of ${result.claimsInSeed} claims.`;
  } finally {
    await prisma.$disconnect();
  }
}
