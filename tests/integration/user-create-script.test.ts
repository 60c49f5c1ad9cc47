import { execFile } from "node:child_process";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing, dropDatabase } from "@/scripts/lib/database";
import { databaseUrl, uniqueDatabaseName } from "@/scripts/lib/test-database";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "terminal-secret-passphrase-7";

let database: TestDatabase;

beforeAll(async () => {
  database = await cloneSeededDatabase("user_create_script");
});
afterAll(async () => {
  await database.drop();
});

/** Runs `npx tsx scripts/user-create.ts` as an operator would, except that stdin is not a terminal. */
function runScript(
  args: string[],
  env: Record<string, string> = {},
  databaseUrl = database.url,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      "npx",
      ["tsx", "scripts/user-create.ts", ...args],
      {
        cwd: PROJECT_ROOT,
        // USER_PASSWORD is dropped (an undefined entry is left out), so only the test decides whether a password is given.
        env: { ...process.env, USER_PASSWORD: undefined, DATABASE_URL: databaseUrl, ...env },
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

describe("npm run user:create", () => {
  it("creates the user with its role from USER_PASSWORD, printing the id but never the password", async () => {
    const { code, output } = await runScript(
      ["--email", "First.Admin@Example.org", "--name", "First Admin", "--role", "admin"],
      {
        USER_PASSWORD: PASSWORD,
      },
    );
    expect(code, output).toBe(0);
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: "first.admin@example.org" },
      select: {
        id: true,
        name: true,
        role: true,
        active: true,
        accounts: { select: { providerId: true, password: true } },
      },
    });
    expect(user).toMatchObject({ name: "First Admin", role: "admin", active: true });
    expect(output).toContain(user.id);
    expect(output).not.toContain(PASSWORD);
    expect(user.accounts).toHaveLength(1);
    expect(user.accounts[0]!.providerId).toBe("credential");
    expect(await verifyPassword({ hash: user.accounts[0]!.password!, password: PASSWORD })).toBe(true);
  });

  it("accepts --password, without printing it", async () => {
    const password = "flag-given-passphrase-99";
    const { code, output } = await runScript([
      "--email",
      "flag@example.org",
      "--name",
      "Flag User",
      "--role",
      "editor",
      "--password",
      password,
    ]);
    expect(code, output).toBe(0);
    expect(output).not.toContain(password);
    expect(
      await database.prisma.user.findUnique({ where: { email: "flag@example.org" }, select: { role: true } }),
    ).toEqual({ role: "editor" });
  });

  it("exits 1 with the field messages on invalid input, and stores nothing", async () => {
    const usersBefore = await database.prisma.user.count();
    const invalid = await runScript(["--email", "not-an-email", "--name", "Someone", "--role", "chief"], {
      USER_PASSWORD: PASSWORD,
    });
    expect(invalid.code).toBe(1);
    expect(invalid.output).toContain("--email: Give a valid email address.");
    expect(invalid.output).toContain("--role: Must be one of: reviewer, editor, admin.");

    const shortPassword = await runScript(["--email", "short@example.org", "--name", "Short", "--role", "reviewer"], {
      USER_PASSWORD: "too-short",
    });
    expect(shortPassword.code).toBe(1);
    expect(shortPassword.output).toContain("--password: At least 12 characters.");
    expect(shortPassword.output).not.toContain("too-short");

    const unknownOption = await runScript(
      ["--email", "x@example.org", "--name", "X", "--role", "reviewer", "--admin"],
      { USER_PASSWORD: PASSWORD },
    );
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.output).toMatch(/Unknown option '--admin'/);

    expect(await database.prisma.user.count()).toBe(usersBefore);
  });

  it("refuses without a password when there is no terminal to ask on", async () => {
    const { code, output } = await runScript([
      "--email",
      "nopass@example.org",
      "--name",
      "No Pass",
      "--role",
      "reviewer",
    ]);
    expect(code).toBe(1);
    expect(output).toContain("No password given");
    expect(await database.prisma.user.count({ where: { email: "nopass@example.org" } })).toBe(0);
  });

  it("refuses a duplicate email", async () => {
    const { code, output } = await runScript(["--email", "admin@example.org", "--name", "Again", "--role", "admin"], {
      USER_PASSWORD: PASSWORD,
    });
    expect(code).toBe(1);
    expect(output).toContain("A user with this email already exists.");
    expect(await database.prisma.user.count({ where: { email: "admin@example.org" } })).toBe(1);
  });

  it("says to apply the migrations first when the database has no tables", async () => {
    const adminUrl = inject("testDatabaseServerUrl");
    const name = uniqueDatabaseName("user_create_empty");
    await createDatabaseIfMissing(adminUrl, name);
    try {
      const { code, output } = await runScript(
        ["--email", "early@example.org", "--name", "Early", "--role", "admin"],
        { USER_PASSWORD: PASSWORD },
        databaseUrl(adminUrl, name),
      );
      expect(code).toBe(1);
      expect(output).toContain("run `npm run db:migrate` first");
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
