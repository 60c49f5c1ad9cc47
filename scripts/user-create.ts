/**
 * npm run user:create -- --email ana@example.org --name "Ana Admin" --role admin
 *
 * Creates an account from a terminal (the first admin of a new installation). The password is read
 * from USER_PASSWORD or asked for without echo, so by default it never lands in the shell history;
 * --password also works, but then the shell history and the process list show it. It is never printed.
 */
import { parseArgs } from "node:util";
import type { z } from "zod";
import { createUserWithPassword } from "@/domains/users/create-user";
import { newUserSchema } from "@/domains/users/schema";
import { isDomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { fieldErrorsOf } from "@/lib/validation";
import { resolveDatabase } from "./lib/database";

const USAGE = "Usage: npm run user:create -- --email <email> --name <name> --role <reviewer|editor|admin> [--password <password>]";

/** A refusal the operator can act on: printed without a stack trace, exit code 1. */
class Refusal extends Error {}

/** Prisma error codes an operator can fix, and how. */
const DATABASE_PROBLEMS: Record<string, string> = {
  P1001: "The database server cannot be reached: check DATABASE_URL and that the server is running",
  P2021: "The database has no tables yet: run `npm run db:migrate` first",
};

function readArguments() {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        password: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new Refusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function refuseInvalid(error: z.ZodError): never {
  const lines = Object.entries(fieldErrorsOf(error)).map(([field, messages]) => `  --${field}: ${messages.join(" ")}`);
  throw new Refusal(`Invalid input, nothing was created:\n${lines.join("\n")}\n${USAGE}`);
}

/** Reads one line from the terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
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
        if (char === "\u0003") return finish(new Refusal("Cancelled, nothing was created."));
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

async function obtainPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY) {
    throw new Refusal(
      "No password given: set USER_PASSWORD in the environment, or run this in a terminal to be asked for it (it is not shown).",
    );
  }
  const password = await askHidden("Password (not shown): ");
  if ((await askHidden("Same password again: ")) !== password) throw new Refusal("The two passwords differ, nothing was created.");
  return password;
}

async function main(): Promise<void> {
  const args = readArguments();
  const identity = { email: args.email, name: args.name, role: args.role };
  // The other fields are checked before the password is asked for, so a typo costs no typing.
  const identityCheck = newUserSchema.omit({ password: true }).safeParse(identity);
  if (!identityCheck.success) refuseInvalid(identityCheck.error);
  const parsed = newUserSchema.safeParse({ ...identity, password: await obtainPassword(args.password) });
  if (!parsed.success) refuseInvalid(parsed.error);
  const newUser = parsed.data;

  const database = await resolveDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    const { id } = await createUserWithPassword(prisma, newUser);
    console.log(`Created user ${id}: ${newUser.name} <${newUser.email}>, role ${newUser.role}, in ${database.description}.`);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code in DATABASE_PROBLEMS) {
      throw new Refusal(`${DATABASE_PROBLEMS[error.code]} (${database.description}). Nothing was created.`);
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.release();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof Refusal) {
    console.error(error.message);
  } else if (isDomainError(error)) {
    console.error(`${error.message} Nothing was created.`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
