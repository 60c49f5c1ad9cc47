// The Prisma CLI driven through scripts/prisma.mjs with the wasm stand-in schema engine forced
// (PRISMA_SCHEMA_ENGINE_BINARY), against the real PostgreSQL server the global
// setup provides. Every database used here is created and dropped here.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";

const projectDir = path.resolve(import.meta.dirname, "../..");
const wrapper = path.join(projectDir, "scripts/prisma.mjs");
const standInEngine = path.join(projectDir, "scripts/prisma-engine/schema-engine.mjs");
const projectMigrations = path.join(projectDir, "prisma/migrations");

const serverUrl = inject("testDatabaseServerUrl");
const createdDatabases: string[] = [];
const tempDirs: string[] = [];

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node scripts/prisma.mjs <args>` in a child process, with the stand-in engine forced. */
function prisma(args: string[], { databaseUrl, cwd = projectDir }: { databaseUrl: string; cwd?: string }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: standInEngine,
    CHECKPOINT_DISABLE: "1",
    NO_COLOR: "1",
  };
  delete env.FORCE_COLOR;
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(process.execPath, [wrapper, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** An empty database with a name unique to this run; dropped in afterAll. */
async function createDatabase(label: string): Promise<string> {
  const name = `stand_in_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await query(serverUrl, `CREATE DATABASE "${name}"`);
  createdDatabases.push(name);
  return databaseUrl(name);
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await query<{ datname: string }>(
    serverUrl,
    "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
  );
  return rows.map((row) => row.datname);
}

/** A temporary Prisma project: the project's schema and migrations plus `extraMigrations`. */
async function tempProject(extraMigrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "stand-in-engine-"));
  tempDirs.push(dir);
  await cp(projectMigrations, path.join(dir, "migrations"), { recursive: true });
  await cp(path.join(projectDir, "prisma/schema.prisma"), path.join(dir, "schema.prisma"));
  // No imports, so it loads outside the project's node_modules.
  await writeFile(
    path.join(dir, "prisma.config.ts"),
    'export default { schema: "schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL ?? "" } };\n',
  );
  for (const [name, sql] of Object.entries(extraMigrations)) {
    await mkdir(path.join(dir, "migrations", name));
    await writeFile(path.join(dir, "migrations", name, "migration.sql"), sql);
  }
  return dir;
}

async function projectMigrationNames(): Promise<string[]> {
  const entries = await readdir(projectMigrations, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

afterAll(async () => {
  for (const name of createdDatabases) await query(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("the project's migrations", () => {
  let url: string;

  beforeAll(async () => {
    url = await createDatabase("deploy");
  });

  it("migrate deploy applies them all to an empty database", async () => {
    const result = await prisma(["migrate", "deploy"], { databaseUrl: url });
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("All migrations have been successfully applied.");

    const names = await projectMigrationNames();
    expect(names.some((name) => name.endsWith("_init"))).toBe(true);
    expect(names.some((name) => name.endsWith("_claim_event_append_only"))).toBe(true);
    const applied = await query<{ migration_name: string; checksum: string; finished: boolean }>(
      url,
      'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(applied.map((row) => row.migration_name)).toEqual(names);
    for (const row of applied) {
      expect(row.finished).toBe(true);
      const sql = await readFile(path.join(projectMigrations, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }

    const tables = await query<{ table_name: string }>(
      url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining([
        "Article",
        "Claim",
        "ClaimEvent",
        "Source",
        "User",
        "Session",
        "Account",
        "_prisma_migrations",
      ]),
    );
  });

  it("makes Claim.searchVector a stored generated tsvector with a GIN index", async () => {
    const [column] = await query<{ attgenerated: string; type: string }>(
      url,
      `SELECT attgenerated, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = '"Claim"'::regclass AND attname = 'searchVector'`,
    );
    expect(column).toEqual({ attgenerated: "s", type: "tsvector" });
    const indexes = await query<{ indexdef: string }>(url, `SELECT indexdef FROM pg_indexes WHERE tablename = 'Claim'`);
    expect(indexes.map((row) => row.indexdef)).toContain(
      'CREATE INDEX "Claim_searchVector_idx" ON public."Claim" USING gin ("searchVector")',
    );
  });

  it("makes ClaimEvent append-only through a trigger", async () => {
    const triggers = await query<{ tgname: string; definition: string }>(
      url,
      `SELECT tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger
       WHERE tgrelid = '"ClaimEvent"'::regclass AND NOT tgisinternal`,
    );
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.definition).toMatch(/BEFORE DELETE OR UPDATE ON public\."ClaimEvent" FOR EACH ROW/);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Article" (slug, title, "publishedAt", language, body, "updatedAt")
         VALUES ('a', 'A', '2024-05-01', 'en', 'Cats run.', now())`,
      );
      const claim = await client.query<{ id: number }>(
        `INSERT INTO "Claim" ("articleId", quote, "startOffset", "endOffset", statement, topic, "updatedAt")
         SELECT id, 'Cats run.', 0, 9, 'Cats are running', 'animals', now() FROM "Article" RETURNING id`,
      );
      const claimId = claim.rows[0]?.id;
      const found = await client.query(
        `SELECT id FROM "Claim" WHERE "searchVector" @@ to_tsquery('english', 'running')`,
      );
      expect(found.rows).toEqual([{ id: claimId }]);

      await client.query(`INSERT INTO "ClaimEvent" ("claimId", action) VALUES ($1, 'created')`, [claimId]);
      await expect(client.query(`UPDATE "ClaimEvent" SET action = 'edited'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "ClaimEvent"`)).rejects.toThrow(/append-only/);
      const events = await client.query(`SELECT action FROM "ClaimEvent"`);
      expect(events.rows).toEqual([{ action: "created" }]);
    } finally {
      await client.end();
    }
  });

  it("migrate status then reports the database up to date", async () => {
    const result = await prisma(["migrate", "status"], { databaseUrl: url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Database schema is up to date!");
  });
});

describe("migrations with a $$ function body, then one failing half-way", () => {
  const dollarQuoted = "20990101000000_dollar_quoted";
  const failing = "20990101000001_fails_halfway";
  let url: string;
  let dir: string;
  let deploy: CliResult;

  beforeAll(async () => {
    url = await createDatabase("failing");
    dir = await tempProject({
      [dollarQuoted]: `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL);

CREATE FUNCTION "note_terminate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."body" := NEW."body" || ';';
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Note_terminate" BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION "note_terminate"();

INSERT INTO "Note" ("body") VALUES ('a;b');
`,
      [failing]: `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);
INSERT INTO "Half" VALUES (1);
ALTER TABLE "Note" ADD COLUMN "extra" TEXT;
SELECT 1 / 0;
CREATE TABLE "Never" ("id" INTEGER);
`,
    });
    deploy = await prisma(["migrate", "deploy", "--config", "prisma.config.ts"], { databaseUrl: url, cwd: dir });
  });

  it("applies the $$ migration whole, semicolons and ';' literal included", async () => {
    const notes = await query(url, `SELECT body FROM "Note"`);
    expect(notes).toEqual([{ body: "a;b;" }]);
    const [row] = await query<{ finished: boolean }>(
      url,
      `SELECT finished_at IS NOT NULL AS finished FROM "_prisma_migrations" WHERE migration_name = $1`,
      [dollarQuoted],
    );
    expect(row).toEqual({ finished: true });
  });

  it("fails the deploy with P3018 and leaves nothing of the failing migration behind", async () => {
    expect(deploy.code).toBe(1);
    expect(deploy.stderr).toContain("P3018");
    expect(deploy.stderr).toContain(`Migration name: ${failing}`);
    expect(deploy.stderr).toContain("division by zero");

    const leftovers = await query(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('Half', 'Never')
       UNION ALL SELECT column_name FROM information_schema.columns WHERE table_name = 'Note' AND column_name = 'extra'`,
    );
    expect(leftovers).toEqual([]);
    const [row] = await query<{ finished: boolean; rolled_back: boolean; logs: string }>(
      url,
      `SELECT finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back, logs
       FROM "_prisma_migrations" WHERE migration_name = $1`,
      [failing],
    );
    expect(row).toMatchObject({ finished: false, rolled_back: false });
    expect(row?.logs).toContain("division by zero");
  });

  it("migrate status reports the failed migration", async () => {
    const status = await prisma(["migrate", "status", "--config", "prisma.config.ts"], { databaseUrl: url, cwd: dir });
    expect(status.code).toBe(1);
    expect(status.stdout + status.stderr).toMatch(new RegExp(`Following migration have failed:\\s+${failing}`));
  });
});

describe("the drift check (migrate diff --from-migrations --to-schema --exit-code)", () => {
  let url: string;
  let shadowsBefore: string[];

  beforeAll(async () => {
    url = await createDatabase("drift");
    shadowsBefore = await shadowDatabases();
  });

  it("finds no drift between the project's schema and migrations", async () => {
    const result = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { databaseUrl: url },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.stdout).toContain("No difference detected.");
    expect(result.code).toBe(0);
  });

  it("exits 2 when the schema gains a field the migrations lack", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "stand-in-drift-"));
    tempDirs.push(dir);
    const schema = await readFile(path.join(projectDir, "prisma/schema.prisma"), "utf8");
    const drifted = schema.replace(/(model Article \{\n)/, "$1  subtitle String?\n");
    expect(drifted).not.toBe(schema);
    await writeFile(path.join(dir, "schema.prisma"), drifted);

    const result = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        path.join(dir, "schema.prisma"),
        "--exit-code",
      ],
      { databaseUrl: url },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Changed the `Article` table[\s\S]*Added column `subtitle`/);
  });

  it("drops the temporary shadow databases it used", async () => {
    const leftover = (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
    expect(leftover).toEqual([]);
  });
});

describe("start-up failures", () => {
  it("are reported per request instead of a silent exit 0", async () => {
    const result = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/migrations",
        "--to-schema",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { databaseUrl: "postgresql://postgres:postgres@127.0.0.1:1/unreachable" },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("P1001");
    expect(result.stderr).toContain("Can't reach database server at `127.0.0.1:1`");
  });
});
