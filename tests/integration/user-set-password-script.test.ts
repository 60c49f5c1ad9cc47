import { execFile } from "node:child_process";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import { apiRequest, DEMO, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "terminal-reset-passphrase-8";

let database: TestDatabase;
let listClaimsApi: typeof import("@/app/api/claims/route").GET;

beforeAll(async () => {
  database = await cloneSeededDatabase("user_set_password_script");
  // For signing in through Better Auth's route in this process, against the database the script writes to.
  process.env.DATABASE_URL = database.url;
  listClaimsApi = (await import("@/app/api/claims/route")).GET;
});
afterAll(async () => {
  await database.drop();
});

/** Runs `npx tsx scripts/user-set-password.ts` as an operator would, except that stdin is not a terminal. */
function runScript(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "scripts/user-set-password.ts", ...args],
      {
        cwd: PROJECT_ROOT,
        // USER_PASSWORD is dropped (an undefined entry is left out), so only the test decides whether a password is given.
        env: { ...process.env, USER_PASSWORD: undefined, DATABASE_URL: database.url, ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        }),
    );
    child.stdin?.end();
  });
}

async function claimsApiStatus(cookie: string): Promise<number> {
  return (await listClaimsApi(apiRequest("/api/claims", { cookie }), { params: Promise.resolve({}) })).status;
}

function credentialsOf(email: string) {
  return database.prisma.account.findMany({ where: { user: { email } }, select: { providerId: true, password: true } });
}

/** Every credential and session row: what a refusal must leave as it was. */
async function credentialsAndSessions(): Promise<unknown> {
  return {
    accounts: await database.prisma.account.findMany({ orderBy: { id: "asc" } }),
    sessions: await database.prisma.session.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true } }),
  };
}

describe("npm run user:set-password", () => {
  it("replaces the password from USER_PASSWORD and ends the user's sessions, printing the id but never the password", async () => {
    const cookie = await signInCookie(DEMO.reviewer1);
    const { code, output } = await runScript(["--email", " Reviewer1@Example.org "], { USER_PASSWORD: PASSWORD });
    expect(code, output).toBe(0);
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: DEMO.reviewer1 },
      select: { id: true },
    });
    expect(output).toContain(user.id);
    expect(output).toContain("1 session ended");
    expect(output).not.toContain(PASSWORD);

    const credentials = await credentialsOf(DEMO.reviewer1);
    expect(credentials).toHaveLength(1);
    expect(await verifyPassword({ hash: credentials[0]!.password!, password: PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: credentials[0]!.password!, password: DEMO_PASSWORD })).toBe(false);
    expect(await claimsApiStatus(cookie)).toBe(401);
    expect(await claimsApiStatus(await signInCookie(DEMO.reviewer1, PASSWORD))).toBe(200);
  });

  it("gives a credential, with --password and without printing it, to a user restored without one", async () => {
    await database.prisma.account.deleteMany({ where: { user: { email: DEMO.editor } } });
    const password = "flag-given-reset-passphrase";
    const { code, output } = await runScript(["--email", DEMO.editor, "--password", password]);
    expect(code, output).toBe(0);
    expect(output).toContain("0 sessions ended");
    expect(output).not.toContain(password);
    const credentials = await credentialsOf(DEMO.editor);
    expect(credentials.map((credential) => credential.providerId)).toEqual(["credential"]);
    expect(await claimsApiStatus(await signInCookie(DEMO.editor, password))).toBe(200);
  });

  // One refusal per test: each runs the script once, so its time limit does not add up several runs.
  const refusals: {
    name: string;
    args: string[];
    env: Record<string, string>;
    says: (string | RegExp)[];
    never?: string;
  }[] = [
    {
      name: "an unknown email",
      args: ["--email", "nobody@example.org"],
      env: { USER_PASSWORD: PASSWORD },
      says: ["No user has the email nobody@example.org", "npm run user:create"],
    },
    {
      name: "an invalid email",
      args: ["--email", "not-an-email"],
      env: { USER_PASSWORD: PASSWORD },
      says: ["--email: Give a valid email address."],
    },
    {
      name: "a short password",
      args: ["--email", DEMO.admin],
      env: { USER_PASSWORD: "too-short" },
      says: ["--password: At least 12 characters."],
      never: "too-short",
    },
    { name: "no password", args: ["--email", DEMO.admin], env: {}, says: ["No password given"] },
    {
      name: "an unknown option",
      args: ["--email", DEMO.admin, "--role", "admin"],
      env: { USER_PASSWORD: PASSWORD },
      says: [/Unknown option '--role'/],
    },
  ];
  for (const refusal of refusals) {
    it(`exits 1 and changes nothing on ${refusal.name}`, async () => {
      const before = await credentialsAndSessions();
      const { code, output } = await runScript(refusal.args, refusal.env);
      expect(code).toBe(1);
      for (const text of refusal.says) {
        if (typeof text === "string") expect(output).toContain(text);
        else expect(output).toMatch(text);
      }
      if (refusal.never) expect(output).not.toContain(refusal.never);
      expect(await credentialsAndSessions()).toEqual(before);
    });
  }
});
