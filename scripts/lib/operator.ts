/**
 * What the account scripts (user:create, user:set-password) share: their arguments, the password
 * asked for without echo, the database, and refusals an operator can act on.
 */
import { parseArgs } from "node:util";
import type { z } from "zod";
import { isDomainError } from "@/lib/errors";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { fieldErrorsOf } from "@/lib/validation";
import { resolveDatabase } from "./database";

/** A refusal the operator can act on: printed without a stack trace, exit code 1. */
export class Refusal extends Error {}

/** Prisma error codes an operator can fix, and how. */
const DATABASE_PROBLEMS: Record<string, string> = {
  P1001: "The database server cannot be reached: check DATABASE_URL and that the server is running",
  P2021: "The database has no tables yet: run `npm run db:migrate` first",
};

/** How a script tells what it left alone when it refuses, e.g. "Nothing was created." */
export interface ScriptOutcome {
  usage: string;
  nothingDone: string;
}

export function readStringOptions<Name extends string>(
  names: readonly Name[],
  script: ScriptOutcome,
): Partial<Record<Name, string>> {
  const options = Object.fromEntries(names.map((name) => [name, { type: "string" as const }]));
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values as Partial<Record<Name, string>>;
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${script.usage}`);
  }
}

export function refuseInvalid(error: z.ZodError, script: ScriptOutcome): never {
  const lines = Object.entries(fieldErrorsOf(error)).map(([field, messages]) => `  --${field}: ${messages.join(" ")}`);
  throw new Refusal(`Invalid input. ${script.nothingDone}\n${lines.join("\n")}\n${script.usage}`);
}

/** Reads one line from the terminal without showing what is typed. */
function askHidden(question: string, script: ScriptOutcome): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (error?: Error) => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(typed.join(""));
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new Refusal(`Cancelled. ${script.nothingDone}`));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    process.stdout.write(question);
    input.setEncoding("utf8");
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

/**
 * --password when given (the shell history and the process list then show it), else USER_PASSWORD,
 * else asked twice on the terminal without echo.
 */
export async function obtainPassword(given: string | undefined, script: ScriptOutcome): Promise<string> {
  if (given !== undefined) return given;
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new Refusal(
      "No password given: set USER_PASSWORD in the environment, or run this in a terminal to be asked for it (it is not shown).",
    );
  }
  const password = await askHidden("Password (not shown): ", script);
  if ((await askHidden("Same password again: ", script)) !== password)
    throw new Refusal(`The two passwords differ. ${script.nothingDone}`);
  return password;
}

/**
 * Runs the work against DATABASE_URL or the embedded development database, turning the database
 * problems an operator can fix into refusals, and releasing the connection and server after.
 */
export async function withDatabase<T>(
  script: ScriptOutcome,
  work: (prisma: PrismaClient, description: string) => Promise<T>,
): Promise<T> {
  const database = await resolveDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    return await work(prisma, database.description);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code in DATABASE_PROBLEMS) {
      throw new Refusal(`${DATABASE_PROBLEMS[error.code]} (${database.description}). ${script.nothingDone}`);
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.release();
  }
}

/** Runs a script's main: a refusal is printed without a stack trace and exits 1. */
export async function runScript(main: () => Promise<void>, script: ScriptOutcome): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(error.message);
    } else if (isDomainError(error)) {
      console.error(`${error.message} ${script.nothingDone}`);
    } else {
      throw error;
    }
    process.exitCode = 1;
  }
}
