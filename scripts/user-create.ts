/**
 * npm run user:create -- --email ana@example.org --name "Ana Admin" --role admin
 *
 * Creates an account from a terminal (the first admin of a new installation). The password is read
 * from USER_PASSWORD or asked for without echo, so by default it never lands in the shell history;
 * --password also works, but then the shell history and the process list show it. It is never printed.
 */
import { createUserWithPassword } from "@/domains/users/credentials-mutations";
import { newUserSchema } from "@/domains/users/schema";
import {
  obtainPassword,
  readStringOptions,
  refuseInvalid,
  runScript,
  type ScriptOutcome,
  withDatabase,
} from "./lib/operator";

const SCRIPT: ScriptOutcome = {
  usage:
    "Usage: npm run user:create -- --email <email> --name <name> --role <reviewer|editor|admin> [--password <password>]",
  nothingDone: "Nothing was created.",
};

async function main(): Promise<void> {
  const args = readStringOptions(["email", "name", "role", "password"], SCRIPT);
  const identity = { email: args.email, name: args.name, role: args.role };
  // The other fields are checked before the password is asked for, so a typo costs no typing.
  const identityCheck = newUserSchema.omit({ password: true }).safeParse(identity);
  if (!identityCheck.success) refuseInvalid(identityCheck.error, SCRIPT);
  const parsed = newUserSchema.safeParse({ ...identity, password: await obtainPassword(args.password, SCRIPT) });
  if (!parsed.success) refuseInvalid(parsed.error, SCRIPT);
  const newUser = parsed.data;

  await withDatabase(SCRIPT, async (prisma, description) => {
    const { id } = await createUserWithPassword(prisma, newUser);
    console.log(`Created user ${id}: ${newUser.name} <${newUser.email}>, role ${newUser.role}, in ${description}.`);
  });
}

await runScript(main, SCRIPT);
