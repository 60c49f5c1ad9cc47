/**
 * npm run user:set-password -- --email ana@example.org
 *
 * Sets a user's password from a terminal: replaces their credential, or gives them one (users
 * restored from a backup made without --with-passwords have none), and ends all their sessions.
 * The password is read from USER_PASSWORD or asked for twice without echo; --password also works,
 * but then the shell history and the process list show it. It is never printed.
 */
import { hashPassword } from "better-auth/crypto";
import { replaceCredential } from "@/domains/users/credentials-mutations";
import { passwordByEmailSchema } from "@/domains/users/schema";
import {
  obtainPassword,
  readStringOptions,
  Refusal,
  refuseInvalid,
  runScript,
  type ScriptOutcome,
  withDatabase,
} from "./lib/operator";

const SCRIPT: ScriptOutcome = {
  usage: "Usage: npm run user:set-password -- --email <email> [--password <password>]",
  nothingDone: "Nothing was changed.",
};

async function main(): Promise<void> {
  const args = readStringOptions(["email", "password"], SCRIPT);
  const emailCheck = passwordByEmailSchema.omit({ password: true }).safeParse({ email: args.email });
  if (!emailCheck.success) refuseInvalid(emailCheck.error, SCRIPT);
  const { email } = emailCheck.data;

  await withDatabase(SCRIPT, async (prisma, description) => {
    // Looked up before the password is asked for, so a wrong email costs no typing.
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, active: true } });
    if (!user) {
      throw new Refusal(
        `No user has the email ${email} in ${description}. ${SCRIPT.nothingDone} To add one: npm run user:create.`,
      );
    }
    const parsed = passwordByEmailSchema.safeParse({ email, password: await obtainPassword(args.password, SCRIPT) });
    if (!parsed.success) refuseInvalid(parsed.error, SCRIPT);
    const passwordHash = await hashPassword(parsed.data.password);
    const result = await prisma.$transaction((tx) => replaceCredential(tx, user.id, passwordHash));
    if (!result) throw new Refusal(`The user ${email} no longer exists in ${description}. ${SCRIPT.nothingDone}`);
    const sessions = result.endedSessions === 1 ? "1 session" : `${result.endedSessions} sessions`;
    console.log(
      `Set a new password for user ${user.id}: ${user.name} <${email}>, in ${description}; ${sessions} ended.`,
    );
    if (!user.active) console.log("The account is deactivated: it cannot sign in until an admin reactivates it.");
  });
}

await runScript(main, SCRIPT);
