import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabaseIfMissing, startEmbeddedServer } from "./database";
import { applyMigrations, seed } from "./tasks";

export interface TestServer {
  /** A URL with rights to create and drop databases. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port")),
      );
    });
  });
}

/**
 * Tests never touch the development data: with DATABASE_URL set they create their own
 * databases on that server; otherwise they start a throwaway embedded server in a
 * temporary folder, deleted when it stops.
 */
export async function startTestServer(): Promise<TestServer> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const parent = mkdtempSync(path.join(tmpdir(), "factcheck-test-"));
  // As root the server runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parent, 0o755);
  const dataDir = path.join(parent, "postgres");
  const server = await startEmbeddedServer({ dataDir, port: await freePort(), persistent: false });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

export function uniqueDatabaseName(label: string): string {
  return `factcheck_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database with every migration applied and, unless told otherwise, the seed loaded. */
export async function createMigratedDatabase(
  adminUrl: string,
  label: string,
  options: { seed: boolean } = { seed: true },
): Promise<{ name: string; url: string }> {
  const name = uniqueDatabaseName(label);
  await createDatabaseIfMissing(adminUrl, name);
  const url = databaseUrl(adminUrl, name);
  await applyMigrations(url);
  if (options.seed) await seed(url, { onlyIfEmpty: false, demoUsers: true });
  return { name, url };
}
