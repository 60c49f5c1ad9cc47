/**
 * npm run db:backup [-- --out FILE] [--with-passwords]
 *
 * Writes the desk (users, articles, claims, sources, corrections and the full history) to one
 * NDJSON file, read from a single snapshot: see scripts/lib/backup.ts for the format. Without
 * --out the file goes to backups/ with the time in its name. Password hashes (Better Auth's Account
 * rows) are in it only with --with-passwords; sessions, sign-in throttle rows and verification
 * tokens never are. The file is created readable by its owner only.
 */
import { statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupRefusal, writeBackup } from "./lib/backup";
import { PROJECT_ROOT, resolveDatabase } from "./lib/database";

const USAGE = "Usage: npm run db:backup [-- --out FILE] [--with-passwords]";

function readArguments() {
  try {
    return parseArgs({
      options: { out: { type: "string" }, "with-passwords": { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new BackupRefusal(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function defaultOut(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  return path.join(PROJECT_ROOT, "backups", `factcheck-${stamp}.ndjson`);
}

async function main(): Promise<void> {
  const args = readArguments();
  // npm runs scripts from the project root; a relative --out means relative to where the command was typed.
  const out = args.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out) : defaultOut();
  await mkdir(path.dirname(out), { recursive: true });
  const database = await resolveDatabase();
  const started = performance.now();
  try {
    console.log(
      `Backing up ${database.description}${args["with-passwords"] ? ", with the password hashes" : ", without passwords"}.`,
    );
    const header = await writeBackup({
      databaseUrl: database.url,
      out,
      withPasswords: args["with-passwords"],
      onTable: (table, rows) => console.log(`  ${table}: ${rows} rows`),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Wrote ${out} (${(statSync(out).size / 1_048_576).toFixed(1)} MB, schema ${header.schemaVersion}, sha256 ${header.checksum.value.slice(0, 12)}…) in ${seconds.toFixed(1)} s.`,
    );
    if (header.withPasswords) console.log("It holds password hashes: keep it as safe as the database itself.");
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
