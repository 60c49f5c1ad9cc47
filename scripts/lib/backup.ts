import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, readdirSync, renameSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { z } from "zod";

/**
 * The backup file is NDJSON: a header line, then one line per row, `{"table":"Claim","row":{…}}`,
 * tables in the order of BACKED_UP_TABLES and rows in id order. Rows are PostgreSQL's own JSON of
 * the row (row_to_json), and a restore turns them back with jsonb_populate_recordset, so every value
 * (timestamps to the millisecond, dates, enums, JSON history) comes back exactly as it was.
 */
export const BACKUP_FORMAT = "factcheck-desk-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** The desk's data, parents before children, so a restore meets every reference after what it points to. */
export const BACKED_UP_TABLES = [
  "User",
  "Account",
  "Article",
  "Claim",
  "SuggestionDismissal",
  "Source",
  "Correction",
  "ClaimEvent",
] as const;
/** Better Auth's credentials: the password hashes. Only in a backup made with --with-passwords. */
export const PASSWORD_TABLE = "Account";
/**
 * Tables left out on purpose. A table in neither list stops the backup: a table added to the schema
 * later must be placed in one of them, so it cannot be left out by forgetting it.
 */
export const LEFT_OUT_TABLES: Record<string, string> = {
  Session: "sign-in sessions (everyone signs in again after a restore)",
  Verification: "Better Auth's short-lived verification tokens",
  SignInFailure: "the sign-in throttle's record of failed attempts",
  ClaimTally: "derived: the trigger on Claim rebuilds it while the claims are restored",
  ClaimTotal: "derived: the same trigger rebuilds it",
  ArticleSuggestions:
    "derived: the suggestion engine's result, computed again from the article's body when first asked for",
  _prisma_migrations: "the migration log: the target is migrated with `npm run db:migrate` before a restore",
};

const ROWS_PER_FETCH = 2_000;
const ROWS_PER_INSERT = 1_000;

/** A refusal the operator can act on: the scripts print it without a stack trace and exit 1. */
export class BackupRefusal extends Error {}

const tableHeaderSchema = z.object({
  name: z.string(),
  columns: z.array(z.string()).min(1),
  rows: z.number().int().nonnegative(),
  /** The highest id the table's sequence ever gave, so a restore never hands out an id again (null without a sequence). */
  lastIssuedId: z.number().int().nonnegative().nullable(),
});

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** The latest migration applied to the database backed up. */
  schemaVersion: z.string().min(1),
  /** The moment the backup's snapshot shows. */
  createdAt: z.iso.datetime(),
  withPasswords: z.boolean(),
  tables: z.array(tableHeaderSchema),
  /** Of every byte after the header line. */
  checksum: z.object({ algorithm: z.literal("sha256"), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export type BackupHeader = z.infer<typeof headerSchema>;
type TableHeader = z.infer<typeof tableHeaderSchema>;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The latest migration this version of the app ships: the schema its table lists are written for. */
function appSchemaVersion(): string {
  const migrations = readdirSync(path.resolve(import.meta.dirname, "../../prisma/migrations"))
    .filter((name) => /^\d{14}_/.test(name))
    .sort();
  return migrations.at(-1)!;
}

/** The latest migration applied to the database, refusing unless it is the app's own. */
async function databaseSchemaVersion(client: pg.ClientBase): Promise<string> {
  let applied: string | undefined;
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
       ORDER BY migration_name DESC LIMIT 1`,
    );
    applied = rows[0]?.migration_name;
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "42P01")) throw error;
  }
  const expected = appSchemaVersion();
  if (applied !== expected) {
    throw new BackupRefusal(
      `The database is at schema version ${applied ?? "none (no migrations applied)"}; this version of the app is at ${expected}. ` +
        "Run `npm run db:migrate` first, or use the app version that matches the database.",
    );
  }
  return applied;
}

async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename);
}

/** The columns a backup holds: every one but the generated (Claim.searchVector, recomputed by PostgreSQL). */
async function storedColumns(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
     FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' AND table_name = ANY($1::text[])
     GROUP BY table_name`,
    [tables],
  );
  return new Map(rows.map((row) => [row.table_name, row.columns]));
}

async function lastIssuedIds(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, number | null>> {
  const { rows } = await client.query<{ name: string; last_value: string | null; has_sequence: boolean }>(
    `SELECT t.name, s.last_value::text, pg_get_serial_sequence(format('%I', t.name), 'id') IS NOT NULL AS has_sequence
     FROM unnest($1::text[]) AS t(name)
     LEFT JOIN pg_sequences s ON format('%I.%I', s.schemaname, s.sequencename) = pg_get_serial_sequence(format('%I', t.name), 'id')`,
    [tables],
  );
  return new Map(rows.map((row) => [row.name, row.has_sequence ? Number(row.last_value ?? 0) : null]));
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, "close");
}

export interface BackupOptions {
  databaseUrl: string;
  out: string;
  withPasswords: boolean;
  /** Called after each table is read, still inside the backup's snapshot. */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

/**
 * Reads every backed-up table in one REPEATABLE READ, READ ONLY transaction: one snapshot, so a
 * backup taken while the desk works is a single point in time (a claim and its history always
 * agree), and it blocks no writer. Rows are fetched through a cursor a few thousand at a time and
 * written as they come; the body goes to a temporary file first because the header, written
 * first, carries the row counts and the checksum. Memory stays flat whatever the size.
 */
export async function writeBackup(options: BackupOptions): Promise<BackupHeader> {
  const bodyPath = `${options.out}.body.partial`;
  const partialPath = `${options.out}.partial`;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // now() is the transaction's start: the moment the snapshot shows.
    const { rows: snapshot } = await client.query<{ at: Date }>("SELECT now() AS at");
    const schemaVersion = await databaseSchemaVersion(client);
    const unknown = (await publicTables(client)).filter(
      (table) => !(BACKED_UP_TABLES as readonly string[]).includes(table) && !(table in LEFT_OUT_TABLES),
    );
    if (unknown.length > 0) {
      throw new BackupRefusal(
        `The database has tables this backup does not know: ${unknown.join(", ")}. ` +
          "Add each to BACKED_UP_TABLES or LEFT_OUT_TABLES in scripts/lib/backup.ts.",
      );
    }
    const tables = BACKED_UP_TABLES.filter((table) => options.withPasswords || table !== PASSWORD_TABLE);
    const columns = await storedColumns(client, tables);
    const lastIds = await lastIssuedIds(client, tables);

    const hash = createHash("sha256");
    const body = createWriteStream(bodyPath, { mode: 0o600 });
    const tableHeaders: TableHeader[] = [];
    try {
      for (const table of tables) {
        const tableColumns = columns.get(table);
        if (!tableColumns) throw new BackupRefusal(`The table ${table} is missing: is the database migrated?`);
        const prefix = `{"table":${JSON.stringify(table)},"row":`;
        await client.query(
          `DECLARE backup_rows NO SCROLL CURSOR FOR
           SELECT row_to_json(r)::text AS line FROM (SELECT ${tableColumns.map(quoteIdentifier).join(", ")} FROM ${quoteIdentifier(table)} ORDER BY "id") r`,
        );
        let rows = 0;
        for (;;) {
          const batch = await client.query<{ line: string }>(`FETCH ${ROWS_PER_FETCH} FROM backup_rows`);
          if (batch.rows.length === 0) break;
          const chunk = batch.rows.map((row) => `${prefix}${row.line}}\n`).join("");
          hash.update(chunk, "utf8");
          await write(body, chunk);
          rows += batch.rows.length;
        }
        await client.query("CLOSE backup_rows");
        tableHeaders.push({ name: table, columns: tableColumns, rows, lastIssuedId: lastIds.get(table) ?? null });
        await options.onTable?.(table, rows);
      }
    } finally {
      await closeStream(body);
    }
    await client.query("COMMIT");

    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion,
      createdAt: snapshot[0]!.at.toISOString(),
      withPasswords: options.withPasswords,
      tables: tableHeaders,
      checksum: { algorithm: "sha256", value: hash.digest("hex") },
    };
    const file = createWriteStream(partialPath, { mode: 0o600 });
    file.write(`${JSON.stringify(header)}\n`);
    await pipeline(createReadStream(bodyPath), file);
    // Only a complete file ever carries the name asked for.
    renameSync(partialPath, options.out);
    return header;
  } finally {
    await client.end().catch(() => {});
    rmSync(bodyPath, { force: true });
    rmSync(partialPath, { force: true });
  }
}

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? "");
  } catch {
    throw new BackupRefusal(`${file} is not a desk backup: its first line is not JSON.`);
  }
  const identity = z.object({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(value);
  if (!identity.success || identity.data.format !== BACKUP_FORMAT) {
    throw new BackupRefusal(`${file} is not a desk backup: its header does not say format "${BACKUP_FORMAT}".`);
  }
  if (identity.data.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal(
      `${file} is in backup format version ${JSON.stringify(identity.data.formatVersion)}; this version of the app reads version ${BACKUP_FORMAT_VERSION} only.`,
    );
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) throw new BackupRefusal(`${file} has a damaged header: ${z.prettifyError(header.error)}`);
  return header.data;
}

function assertTablesMatch(header: BackupHeader, targetColumns: Map<string, string[]>): void {
  const expected = BACKED_UP_TABLES.filter((table) => header.withPasswords || table !== PASSWORD_TABLE);
  const listed = header.tables.map((table) => table.name);
  if (JSON.stringify(listed) !== JSON.stringify(expected)) {
    throw new BackupRefusal(`The file lists the tables ${listed.join(", ")}; expected ${expected.join(", ")}.`);
  }
  for (const table of header.tables) {
    if (JSON.stringify(targetColumns.get(table.name)) !== JSON.stringify(table.columns)) {
      throw new BackupRefusal(
        `The columns of ${table.name} in the file differ from the database's, although the schema versions match.`,
      );
    }
  }
}

/** Refuses unless every table (but the migration log) is empty, naming those that are not. */
async function assertEmpty(client: pg.ClientBase, tables: string[]): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    tables
      .map(
        (table) => `SELECT ${pg.escapeLiteral(table)} AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdentifier(table)})`,
      )
      .join(" UNION ALL "),
  );
  if (rows.length > 0) {
    throw new BackupRefusal(
      `The database already holds data (in ${rows.map((row) => row.name).join(", ")}): a restore only goes into an empty database. ` +
        "Create a new database, run `npm run db:migrate` on it (not db:setup, which seeds), and restore into that.",
    );
  }
}

export interface RestoreResult {
  header: BackupHeader;
  rows: Record<string, number>;
}

/**
 * Columns referring to their own table (Claim.duplicateOfId). A row may point to one with a higher
 * id, in a later batch, so these columns are inserted empty and filled once the whole table is in.
 */
async function selfReferences(client: pg.ClientBase, tables: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT cl.relname AS table_name, array_agg(DISTINCT a.attname::text) AS columns
     FROM pg_constraint c
     JOIN pg_class cl ON cl.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
     WHERE c.contype = 'f' AND c.conrelid = c.confrelid AND cl.relname = ANY($1::text[])
     GROUP BY cl.relname`,
    [tables],
  );
  return new Map(rows.map((row) => [row.table_name, row.columns]));
}

type Row = Record<string, unknown>;

/** Inserts one table's rows in batches; `finish` then fills the self-references held back. */
function tableLoader(client: pg.ClientBase, table: TableHeader, selfColumns: string[], rowsPerInsert: number) {
  const name = quoteIdentifier(table.name);
  const columnList = table.columns.map(quoteIdentifier).join(", ");
  let batch: Row[] = [];
  let heldBack: Row[] = [];
  let count = 0;

  const insert = async () => {
    if (batch.length === 0) return;
    await client.query(
      `INSERT INTO ${name} (${columnList}) SELECT ${columnList} FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb)`,
      [JSON.stringify(batch)],
    );
    count += batch.length;
    batch = [];
  };
  const fillHeldBack = async () => {
    if (heldBack.length === 0) return;
    const assignments = selfColumns
      .map((column) => `${quoteIdentifier(column)} = v.${quoteIdentifier(column)}`)
      .join(", ");
    await client.query(
      `UPDATE ${name} AS t SET ${assignments} FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb) AS v WHERE t."id" = v."id"`,
      [JSON.stringify(heldBack)],
    );
    heldBack = [];
  };

  return {
    add: async (row: Row) => {
      if (selfColumns.some((column) => row[column] != null)) {
        heldBack.push(Object.fromEntries([["id", row.id], ...selfColumns.map((column) => [column, row[column]])]));
        row = { ...row, ...Object.fromEntries(selfColumns.map((column) => [column, null])) };
      }
      batch.push(row);
      if (batch.length >= rowsPerInsert) await insert();
    },
    finish: async (): Promise<number> => {
      await insert();
      await fillHeldBack();
      return count;
    },
  };
}

function parseRowLine(line: string, lineNumber: number, file: string): { table: unknown; row: Row } {
  let parsed: { table?: unknown; row?: unknown };
  try {
    parsed = JSON.parse(line) as typeof parsed;
  } catch {
    throw new BackupRefusal(`Line ${lineNumber} of ${file} is not JSON: the file is damaged. Nothing was restored.`);
  }
  if (typeof parsed.row !== "object" || parsed.row === null || Array.isArray(parsed.row)) {
    throw new BackupRefusal(`Line ${lineNumber} of ${file} holds no row: the file is damaged. Nothing was restored.`);
  }
  return { table: parsed.table, row: parsed.row as Row };
}

/** Checks the target, then inserts the rows of the file; inside the caller's transaction. */
async function loadRows(
  client: pg.Client,
  header: BackupHeader,
  lines: AsyncIterator<string>,
  options: RestoreOptions,
): Promise<Record<string, number>> {
  await databaseSchemaVersion(client);
  const allTables = (await publicTables(client)).filter((table) => table !== "_prisma_migrations");
  // Nobody else writes while the restore runs, so the emptiness checked next still holds at COMMIT.
  await client.query(`LOCK TABLE ${allTables.map(quoteIdentifier).join(", ")} IN EXCLUSIVE MODE`);
  await assertEmpty(client, allTables);
  const tableNames = header.tables.map((table) => table.name);
  assertTablesMatch(header, await storedColumns(client, tableNames));
  const selfColumns = await selfReferences(client, tableNames);
  const loaderFor = (index: number) =>
    tableLoader(
      client,
      header.tables[index]!,
      selfColumns.get(header.tables[index]!.name) ?? [],
      options.rowsPerInsert ?? ROWS_PER_INSERT,
    );

  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  let tableIndex = 0;
  let loader: ReturnType<typeof tableLoader> | undefined = loaderFor(0);
  const finishTable = async () => {
    counts[header.tables[tableIndex]!.name] = await loader!.finish();
    tableIndex++;
    loader = tableIndex < header.tables.length ? loaderFor(tableIndex) : undefined;
  };
  let lineNumber = 1;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    lineNumber++;
    hash.update(`${next.value}\n`, "utf8");
    const { table, row } = parseRowLine(next.value, lineNumber, options.file);
    while (loader && table !== header.tables[tableIndex]!.name) await finishTable();
    if (!loader)
      throw new BackupRefusal(
        `Line ${lineNumber} of ${options.file} is out of place: the file is damaged. Nothing was restored.`,
      );
    await loader.add(row);
  }
  while (loader) await finishTable();

  if (hash.digest("hex") !== header.checksum.value) {
    throw new BackupRefusal(
      `${options.file} does not match its checksum: the file is damaged or was edited. Nothing was restored.`,
    );
  }
  const miscounted = header.tables.filter((table) => counts[table.name] !== table.rows);
  if (miscounted.length > 0) {
    const detail = miscounted
      .map((table) => `${table.name}: ${counts[table.name]} rows, header says ${table.rows}`)
      .join("; ");
    throw new BackupRefusal(`${options.file} is incomplete (${detail}). Nothing was restored.`);
  }
  for (const table of header.tables) {
    if (table.lastIssuedId === null) continue;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(MAX("id"), $2::bigint, 1), GREATEST(MAX("id"), $2::bigint) > 0)
       FROM ${quoteIdentifier(table.name)}`,
      [quoteIdentifier(table.name), table.lastIssuedId],
    );
  }
  return counts;
}

export interface RestoreOptions {
  databaseUrl: string;
  file: string;
  /** Rows per INSERT statement; 1,000 unless told otherwise. */
  rowsPerInsert?: number;
}

/**
 * Loads a backup into an empty database migrated to the same schema version, in one transaction:
 * a refusal or a failure part-way (a damaged line, a wrong checksum, found only at the end) leaves
 * the database as it was. Rows go in with their ids, a thousand per INSERT … SELECT FROM
 * jsonb_populate_recordset; the sequences then continue after the highest id ever issued.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const lines = createInterface({ input: createReadStream(options.file, { encoding: "utf8" }), crlfDelay: Infinity });
  try {
    const iterator = lines[Symbol.asyncIterator]();
    const header = parseHeader((await iterator.next()).value, options.file);
    if (header.schemaVersion !== appSchemaVersion()) {
      throw new BackupRefusal(
        `The file was made at schema version ${header.schemaVersion}; this version of the app is at ${appSchemaVersion()}. ` +
          "Restore with the app version the backup came from (and its `npm run db:migrate`), then upgrade.",
      );
    }
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      const rows = await loadRows(client, header, iterator, options);
      await client.query("COMMIT");
      // A new database has no planner statistics yet; without them the first queries may pick poor plans.
      await client.query("ANALYZE");
      return { header, rows };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    lines.close();
  }
}
