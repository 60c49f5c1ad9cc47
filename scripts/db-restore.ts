/**
 * npm run db:restore FILE
 *
 * Loads a file written by `npm run db:backup` into an empty database that `npm run db:migrate` has
 * brought to the schema version the file names. Refuses, changing nothing, when the database holds
 * any row, when the format or schema version differs, or when the file fails its checksum.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupRefusal, restoreBackup } from "./lib/backup";
import { resolveDatabase } from "./lib/database";

const USAGE = "Usage: npm run db:restore FILE";

function readFile(): string {
  let positionals: string[];
  try {
    positionals = parseArgs({ options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    throw new BackupRefusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (positionals.length !== 1) throw new BackupRefusal(USAGE);
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(file)) throw new BackupRefusal(`There is no file ${file}.`);
  return file;
}

async function main(): Promise<void> {
  const file = readFile();
  const database = await resolveDatabase();
  const started = performance.now();
  try {
    console.log(`Restoring ${file} into ${database.description}.`);
    const { header, rows } = await restoreBackup({ databaseUrl: database.url, file });
    const seconds = (performance.now() - started) / 1000;
    const counts = Object.entries(rows)
      .map(([table, count]) => `${table} ${count}`)
      .join(", ");
    console.log(
      `Restored the backup of ${header.createdAt} (schema ${header.schemaVersion}): ${counts}, in ${seconds.toFixed(1)} s.`,
    );
    if (!header.withPasswords) {
      console.log(
        "The backup holds no passwords, so no restored user can sign in until given a new one: set an admin's with " +
          "`npm run user:set-password -- --email <email>`, then the others' on the Users page (or with the same script).",
      );
    }
  } finally {
    await database.release();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BackupRefusal)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
