import { spawn } from "node:child_process";
import path from "node:path";
import { isDatabaseEmpty, seedDatabase, seedDemoUsers } from "@/prisma/seed/seed";
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

/** Runs a command with its output (stdout and stderr, interleaved as written) kept, for printing in one piece later. */
export function runCaptured(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString("utf8") }),
    );
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

/** Demo accounts are for development and tests: never where NODE_ENV is production. */
export const DEMO_USERS_WANTED = process.env.NODE_ENV !== "production";

/**
 * Whether `npm run dev` or `npm start` seeds the demo accounts: `dev` does, unless NODE_ENV is
 * production; `start` is a production server and never does, whatever NODE_ENV and DATABASE_URL say
 * (on the embedded database too: a preview reached by others would open with a known admin password).
 */
export function demoUsersOnServer(mode: "dev" | "start", env: Partial<Record<string, string>> = process.env): boolean {
  return mode === "dev" && env.NODE_ENV !== "production";
}

export async function seed(
  databaseUrl: string,
  options: { onlyIfEmpty: boolean; demoUsers: boolean },
): Promise<string> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const lines: string[] = [];
    if (options.onlyIfEmpty && !(await isDatabaseEmpty(prisma))) {
      lines.push("The database already holds articles: not seeding them.");
    } else {
      const result = await seedDatabase(prisma);
      lines.push(
        !result.articleCreated && result.claimsCreated === 0
          ? `Seed data already present (1 article, ${result.claimsInSeed} claims): nothing changed.`
          : `Seeded ${result.articleCreated ? "the article" : "no new article"} and ${result.claimsCreated} of ${result.claimsInSeed} claims.`,
      );
    }
    if (options.demoUsers) {
      const created = await seedDemoUsers(prisma);
      lines.push(
        created > 0
          ? `Created ${created} demo account(s) (password demo-password-123).`
          : "Demo accounts already present.",
      );
    }
    return lines.join("\n");
  } finally {
    await prisma.$disconnect();
  }
}
