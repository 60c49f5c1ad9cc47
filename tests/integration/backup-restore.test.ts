import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/seed";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  LEFT_OUT_TABLES,
  restoreBackup,
  writeBackup,
} from "@/scripts/lib/backup";
import { dropDatabase } from "@/scripts/lib/database";
import { createMigratedDatabase, databaseUrl, uniqueDatabaseName } from "@/scripts/lib/test-database";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
/** Tables a restore must bring back row for row. */
const RESTORED_TABLES = ["User", "Article", "Claim", "SuggestionDismissal", "Source", "Correction", "ClaimEvent"];
const INTRUDER_EMAIL = "intruder-7f3a@example.net";

let source: TestDatabase;
let emptyTemplate: { name: string; url: string };
let workDir: string;
const createdDatabases: string[] = [];
const cookies: Record<keyof typeof DEMO, string> = { reviewer1: "", reviewer2: "", editor: "", admin: "" };
const ids: Record<keyof typeof DEMO, string> = { reviewer1: "", reviewer2: "", editor: "", admin: "" };
let routes: {
  patch: typeof import("@/app/api/claims/[id]/route").PATCH;
  review: typeof import("@/app/api/claims/[id]/review/route").POST;
  reopen: typeof import("@/app/api/claims/[id]/reopen/route").POST;
  addSource: typeof import("@/app/api/claims/[id]/sources/route").POST;
  removeSource: typeof import("@/app/api/claims/[id]/sources/[sourceId]/route").DELETE;
};

type As = keyof typeof DEMO;

async function patchClaim(as: As, claimId: number, json: Record<string, unknown>): Promise<number> {
  const response = await responseJson(
    await routes.patch(
      apiRequest(`/api/claims/${claimId}`, { method: "PATCH", cookie: cookies[as], json }),
      routeParams({ id: String(claimId) }),
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.version as number;
}

async function reviewClaim(as: As, claimId: number, json: Record<string, unknown>): Promise<number> {
  const response = await responseJson(
    await routes.review(
      apiRequest(`/api/claims/${claimId}/review`, { method: "POST", cookie: cookies[as], json }),
      routeParams({ id: String(claimId) }),
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.version as number;
}

async function reopenClaim(as: As, claimId: number, json: Record<string, unknown>): Promise<number> {
  const response = await responseJson(
    await routes.reopen(
      apiRequest(`/api/claims/${claimId}/reopen`, { method: "POST", cookie: cookies[as], json }),
      routeParams({ id: String(claimId) }),
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.version as number;
}

async function addSource(
  as: As,
  claimId: number,
  json: Record<string, unknown>,
): Promise<{ id: number; claimVersion: number }> {
  const response = await responseJson(
    await routes.addSource(
      apiRequest(`/api/claims/${claimId}/sources`, { method: "POST", cookie: cookies[as], json }),
      routeParams({ id: String(claimId) }),
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { id: response.body.id as number, claimVersion: response.body.claimVersion as number };
}

async function removeSource(as: As, claimId: number, sourceId: number, version: number): Promise<number> {
  const response = await responseJson(
    await routes.removeSource(
      apiRequest(`/api/claims/${claimId}/sources/${sourceId}`, {
        method: "DELETE",
        cookie: cookies[as],
        json: { version },
      }),
      routeParams({ id: String(claimId), sourceId: String(sourceId) }),
    ),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.claimVersion as number;
}

/**
 * Takes four seeded claims through the workflow as the desk would: verified then reopened and
 * corrected; awaiting a second review, with a source added and one removed (so the Source sequence
 * is ahead of the highest id left); in progress with a rationale full of quotes, line breaks and
 * non-Latin text; assigned and untouched. The first claim is marked a duplicate of the last (a
 * reference forward, to a row a restore meets later), and a suggested span is dismissed.
 */
async function reviewSomeClaims(): Promise<void> {
  const claims = await source.prisma.claim.findMany({
    where: { status: "unreviewed" },
    orderBy: { id: "asc" },
    take: 4,
  });
  const [corrected, awaiting, inProgress, assigned] = claims.map((claim) => claim.id) as [
    number,
    number,
    number,
    number,
  ];

  let version = await patchClaim("reviewer1", corrected, { version: 1, assigneeId: ids.reviewer1 });
  version = await patchClaim("reviewer1", corrected, { version, status: "in_progress" });
  version = (
    await addSource("reviewer1", corrected, {
      url: "https://data.unicef.org/mali-2024",
      title: "UNICEF appeal 2024",
      stance: "supports",
    })
  ).claimVersion;
  version = await patchClaim("reviewer1", corrected, {
    version,
    status: "awaiting_second_review",
    verdict: "true",
    rationale: "UNICEF's 2024 humanitarian appeal gives the same figure.",
  });
  version = await reviewClaim("reviewer2", corrected, { version, decision: "approve" });
  version = await reopenClaim("editor", corrected, { version, reason: "UNICEF revised the figure in June." });
  version = await patchClaim("editor", corrected, {
    version,
    verdict: "mostly_true",
    rationale: "The revised figure is 7.2 million, close to the quote.",
  });
  version = await patchClaim("editor", corrected, { version, status: "awaiting_second_review" });
  await reviewClaim("reviewer2", corrected, { version, decision: "approve" });

  version = await patchClaim("editor", awaiting, { version: 1, assigneeId: ids.reviewer2 });
  version = await patchClaim("reviewer2", awaiting, { version, status: "in_progress" });
  version = (
    await addSource("reviewer2", awaiting, {
      url: "https://www.reuters.com/world/africa/mali-report",
      title: "Reuters report",
      publisher: "Reuters",
      excerpt: "«Citation» avec des guillemets et un saut\nde ligne.",
      stance: "refutes",
      archiveUrl: "https://web.archive.org/web/2024/https://www.reuters.com/world/africa/mali-report",
    })
  ).claimVersion;
  const removed = await addSource("reviewer2", awaiting, {
    url: "https://example.org/wrong-link",
    title: "Wrong link",
    stance: "context",
    version,
  });
  version = await removeSource("reviewer2", awaiting, removed.id, removed.claimVersion);
  await patchClaim("reviewer2", awaiting, {
    version,
    status: "awaiting_second_review",
    verdict: "misleading",
    rationale: "The quote omits that the figure covers two years, not one.",
  });

  version = await patchClaim("reviewer1", inProgress, { version: 1, assigneeId: ids.reviewer1 });
  await patchClaim("reviewer1", inProgress, {
    version,
    status: "in_progress",
    rationale: 'Draft: "quotes", a backslash \\, a tab\tand a line break\n— Mali, Bamako, 日本語, emoji 🧭.',
  });

  await patchClaim("editor", assigned, { version: 1, assigneeId: ids.admin });

  await withClient(source.url, async (client) => {
    await client.query(
      `UPDATE "Claim" SET "duplicateOfId" = (SELECT max(id) FROM "Claim") WHERE id = (SELECT min(id) FROM "Claim")`,
    );
    await client.query(
      `INSERT INTO "SuggestionDismissal" ("articleId", "startOffset", "endOffset", "dismissedById") SELECT min(id), 0, 12, $1 FROM "Article"`,
      [ids.editor],
    );
  });
}

beforeAll(async () => {
  source = await cloneSeededDatabase("backup_source");
  process.env.DATABASE_URL = source.url;
  routes = {
    patch: (await import("@/app/api/claims/[id]/route")).PATCH,
    review: (await import("@/app/api/claims/[id]/review/route")).POST,
    reopen: (await import("@/app/api/claims/[id]/reopen/route")).POST,
    addSource: (await import("@/app/api/claims/[id]/sources/route")).POST,
    removeSource: (await import("@/app/api/claims/[id]/sources/[sourceId]/route")).DELETE,
  };
  for (const role of Object.keys(DEMO) as As[]) {
    cookies[role] = await signInCookie(DEMO[role]);
    ids[role] = (await source.prisma.user.findUniqueOrThrow({ where: { email: DEMO[role] } })).id;
  }
  // A failed sign-in leaves a throttle row, which a backup must not carry.
  await expect(signInCookie(INTRUDER_EMAIL, "not-the-password-at-all")).rejects.toThrow();
  await reviewSomeClaims();

  emptyTemplate = await createMigratedDatabase(inject("testDatabaseServerUrl"), "backup_empty", { seed: false });
  createdDatabases.push(emptyTemplate.name);
  workDir = mkdtempSync(path.join(tmpdir(), "factcheck-backup-"));
}, 120_000);

afterAll(async () => {
  await source.drop();
  for (const name of createdDatabases) await dropDatabase(inject("testDatabaseServerUrl"), name);
  rmSync(workDir, { recursive: true, force: true });
});

/** An empty database at the current schema version: a copy of one `prisma migrate deploy` made. */
async function createEmptyDatabase(): Promise<string> {
  const adminUrl = inject("testDatabaseServerUrl");
  const name = uniqueDatabaseName("restore");
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${emptyTemplate.name}"`);
  } finally {
    await admin.end();
  }
  createdDatabases.push(name);
  return databaseUrl(adminUrl, name);
}

/** Runs an npm script as an operator would, against the given database. */
function runNpm(
  script: string,
  args: string[],
  url: string,
): Promise<{ code: number; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "--silent", script, "--", ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
          seconds: (performance.now() - started) / 1000,
        }),
    );
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every row of every table (but the migration log), as PostgreSQL's text form of the whole row,
 * ordered by the primary key: exact for every type, the generated search vector included.
 */
function snapshot(url: string): Promise<Map<string, string[]>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string; key: string[] }>(
      `SELECT c.relname AS name, array_agg(quote_ident(a.attname) ORDER BY array_position(i.indkey::int2[], a.attnum)) AS key
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
       WHERE c.relkind = 'r' AND c.relname <> '_prisma_migrations'
       GROUP BY c.relname ORDER BY c.relname`,
    );
    const result = new Map<string, string[]>();
    for (const table of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM "${table.name}" t ORDER BY ${table.key.join(", ")}`,
      );
      result.set(
        table.name,
        rows.map((row) => row.row),
      );
    }
    return result;
  });
}

/** The last id each restored table's sequence gave. */
function sequences(url: string): Promise<Record<string, string | null>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ sequencename: string; last_value: string | null }>(
      `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' AND sequencename = ANY($1::text[]) ORDER BY sequencename`,
      [RESTORED_TABLES.map((table) => `${table}_id_seq`)],
    );
    return Object.fromEntries(rows.map((row) => [row.sequencename, row.last_value]));
  });
}

function readBackup(file: string): { header: BackupHeader; text: string; lines: string[] } {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  return { header: JSON.parse(lines[0]!) as BackupHeader, text, lines };
}

/** The tally and totals are derived: a restore rebuilds them from the claims, without the zero rows left by claims that moved on. */
const nonZeroTally = (rows: string[]) => rows.filter((row) => !row.endsWith(",0)"));

function expectRestored(
  original: Map<string, string[]>,
  restored: Map<string, string[]>,
  withPasswords: boolean,
): void {
  expect([...restored.keys()].sort()).toEqual([...original.keys()].sort());
  for (const table of RESTORED_TABLES) {
    expect(restored.get(table), table).toEqual(original.get(table));
  }
  expect(restored.get("Account")).toEqual(withPasswords ? original.get("Account") : []);
  expect(nonZeroTally(restored.get("ClaimTally")!)).toEqual(nonZeroTally(original.get("ClaimTally")!));
  expect(nonZeroTally(restored.get("ClaimTotal")!)).toEqual(nonZeroTally(original.get("ClaimTotal")!));
  for (const table of ["Session", "Verification", "SignInFailure"]) expect(restored.get(table), table).toEqual([]);
  const known = [...RESTORED_TABLES, "Account", ...Object.keys(LEFT_OUT_TABLES)];
  expect([...restored.keys()].filter((table) => !known.includes(table))).toEqual([]);
}

describe("npm run db:backup and db:restore", () => {
  it("round-trips the reviewed desk without passwords: every desk table identical, no credentials, sessions or throttle rows", async () => {
    const original = await snapshot(source.url);
    expect(original.get("Session")!.length).toBeGreaterThanOrEqual(4);
    expect(original.get("SignInFailure")!.length).toBeGreaterThanOrEqual(1);
    expect(original.get("Correction")).toHaveLength(1);
    expect(original.get("SuggestionDismissal")).toHaveLength(1);
    expect(original.get("Source")).toHaveLength(2);
    expect(original.get("ClaimEvent")!.length).toBeGreaterThanOrEqual(16);

    const file = path.join(workDir, "desk.ndjson");
    const backup = await runNpm("db:backup", ["--out", file], source.url);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain("the server in DATABASE_URL");
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const { header, text, lines } = readBackup(file);
    const latestMigration = await withClient(
      source.url,
      async (client) =>
        (await client.query<{ name: string }>(`SELECT max(migration_name) AS name FROM "_prisma_migrations"`)).rows[0]!
          .name,
    );
    expect(header).toMatchObject({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: latestMigration,
      withPasswords: false,
    });
    expect(Object.fromEntries(header.tables.map((table) => [table.name, table.rows]))).toEqual(
      Object.fromEntries(RESTORED_TABLES.map((table) => [table, original.get(table)!.length])),
    );
    expect(lines).toHaveLength(1 + RESTORED_TABLES.reduce((sum, table) => sum + original.get(table)!.length, 0) + 1);
    const secrets = await source.prisma.account.findMany({ select: { password: true } });
    const tokens = await source.prisma.session.findMany({ select: { token: true } });
    for (const secret of [...secrets.map((row) => row.password!), ...tokens.map((row) => row.token), INTRUDER_EMAIL]) {
      expect(text).not.toContain(secret);
    }

    const target = await createEmptyDatabase();
    const restore = await runNpm("db:restore", [file], target);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain("holds no passwords");
    expectRestored(original, await snapshot(target), false);
    expect(await sequences(target)).toEqual(await sequences(source.url));
    console.log(
      `backup-restore: ${lines.length - 2} rows (${header.tables.map((table) => `${table.name} ${table.rows}`).join(", ")}), ` +
        `${text.length} bytes; db:backup ${backup.seconds.toFixed(1)} s, db:restore ${restore.seconds.toFixed(1)} s (each including npm and tsx start-up)`,
    );
  });

  it("carries the password hashes with --with-passwords, so the restored accounts keep their passwords", async () => {
    const original = await snapshot(source.url);
    const file = path.join(workDir, "desk-with-passwords.ndjson");
    const backup = await runNpm("db:backup", ["--out", file, "--with-passwords"], source.url);
    expect(backup.code, backup.output).toBe(0);
    expect(readBackup(file).header.withPasswords).toBe(true);

    const target = await createEmptyDatabase();
    const restore = await runNpm("db:restore", [file], target);
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).not.toContain("holds no passwords");
    expectRestored(original, await snapshot(target), true);

    const accounts = await withClient(
      target,
      async (client) =>
        (
          await client.query<{ email: string; password: string }>(
            `SELECT u.email, a.password FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE a."providerId" = 'credential'`,
          )
        ).rows,
    );
    expect(accounts.map((account) => account.email).sort()).toEqual(Object.values(DEMO).sort());
    for (const account of accounts)
      expect(await verifyPassword({ hash: account.password, password: DEMO_PASSWORD })).toBe(true);
  });

  it("restores the same in small batches, with a claim referring to one in a later batch", async () => {
    const original = await snapshot(source.url);
    const target = await createEmptyDatabase();
    const { rows } = await restoreBackup({
      databaseUrl: target,
      file: path.join(workDir, "desk.ndjson"),
      rowsPerInsert: 5,
    });
    expect(rows.Claim).toBeGreaterThan(10);
    expectRestored(original, await snapshot(target), false);
  });

  it("refuses a database that already holds data, and changes nothing in it", async () => {
    const file = path.join(workDir, "desk.ndjson");
    const before = await snapshot(source.url);
    const sequencesBefore = await sequences(source.url);
    const restore = await runNpm("db:restore", [file], source.url);
    expect(restore.code).toBe(1);
    expect(restore.output).toContain("The database already holds data");
    expect(restore.output).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await snapshot(source.url)).toEqual(before);
    expect(await sequences(source.url)).toEqual(sequencesBefore);
  });

  it("refuses another format, format version or schema version, and a damaged or truncated file, leaving the database empty", async () => {
    const { lines } = readBackup(path.join(workDir, "desk.ndjson"));
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const withHeader = (changes: Record<string, unknown>) =>
      [JSON.stringify({ ...header, ...changes }), ...lines.slice(1)].join("\n");
    const claimLine = lines.findIndex((line) => line.startsWith('{"table":"Claim"'));
    const edited = [...lines];
    edited[claimLine] = edited[claimLine]!.replace(/"statement":"/, '"statement":"Edited: ');
    const cases = [
      { name: "format-version", text: withHeader({ formatVersion: 2 }), message: "backup format version 2" },
      { name: "format", text: withHeader({ format: "pg_dump" }), message: "is not a desk backup" },
      {
        name: "schema-version",
        text: withHeader({ schemaVersion: "20990101000000_future" }),
        message: "schema version 20990101000000_future",
      },
      { name: "edited", text: edited.join("\n"), message: "does not match its checksum" },
      { name: "truncated", text: lines.slice(0, -10).join("\n"), message: "does not match its checksum" },
      { name: "not-json", text: "PGDMP\u0000binary", message: "is not a desk backup" },
    ];
    const target = await createEmptyDatabase();
    const empty = await snapshot(target);
    const sequencesBefore = await sequences(target);
    expect([...empty.values()].every((rows) => rows.length === 0)).toBe(true);
    for (const testCase of cases) {
      const file = path.join(workDir, `${testCase.name}.ndjson`);
      writeFileSync(file, testCase.text);
      const restore = await runNpm("db:restore", [file], target);
      expect(restore.code, testCase.name).toBe(1);
      expect(restore.output, testCase.name).toContain(testCase.message);
      expect(await snapshot(target), testCase.name).toEqual(empty);
      expect(await sequences(target), testCase.name).toEqual(sequencesBefore);
    }
  });

  it("is one point in time: a claim change committed while the backup runs is not in it, and every claim agrees with its history", async () => {
    const claim = await source.prisma.claim.findFirstOrThrow({
      where: { status: "in_progress", assigneeId: ids.reviewer1 },
      orderBy: { id: "asc" },
    });
    const eventsBefore = await source.prisma.claimEvent.count();
    const file = path.join(workDir, "during-writes.ndjson");
    let changedVersion = 0;
    await writeBackup({
      databaseUrl: source.url,
      out: file,
      withPasswords: false,
      onTable: async (table) => {
        if (table !== "Claim") return;
        // Committed after the claims were read, before their sources and history are.
        const added = await addSource("reviewer1", claim.id, {
          url: "https://example.org/during-backup",
          title: "Added during the backup",
          stance: "context",
        });
        changedVersion = await patchClaim("reviewer1", claim.id, { version: added.claimVersion, verdict: "mixed" });
      },
    });
    expect(changedVersion).toBe(claim.version + 2);
    expect(await source.prisma.claimEvent.count()).toBe(eventsBefore + 2);

    const rows = readBackup(file)
      .lines.slice(1, -1)
      .map((line) => JSON.parse(line) as { table: string; row: Record<string, unknown> });
    const ofTable = (table: string) => rows.filter((line) => line.table === table).map((line) => line.row);
    expect(ofTable("ClaimEvent")).toHaveLength(eventsBefore);
    expect(ofTable("Source").some((row) => row.url === "https://example.org/during-backup")).toBe(false);
    expect(ofTable("Claim").find((row) => row.id === claim.id)).toMatchObject({
      version: claim.version,
      verdict: claim.verdict,
    });
    // Each accepted change bumps the version and appends one event, in one transaction.
    const eventsPerClaim = new Map<unknown, number>();
    for (const event of ofTable("ClaimEvent"))
      eventsPerClaim.set(event.claimId, (eventsPerClaim.get(event.claimId) ?? 0) + 1);
    for (const row of ofTable("Claim"))
      expect(row.version, `claim ${row.id}`).toBe(1 + (eventsPerClaim.get(row.id) ?? 0));

    const target = await createEmptyDatabase();
    expect((await runNpm("db:restore", [file], target)).code).toBe(0);
    expect((await snapshot(target)).get("ClaimEvent")).toHaveLength(eventsBefore);
  });

  it("refuses to back up a database with a table it does not know, so a new table cannot be left out unnoticed", async () => {
    const target = await createEmptyDatabase();
    await withClient(target, (client) =>
      client.query(`CREATE TABLE "ReviewNote" (id SERIAL PRIMARY KEY, body TEXT NOT NULL)`),
    );
    const out = path.join(workDir, "unknown-table.ndjson");
    await expect(writeBackup({ databaseUrl: target, out, withPasswords: false })).rejects.toThrow(
      "tables this backup does not know: ReviewNote",
    );
    expect(existsSync(out)).toBe(false);
  });
});
