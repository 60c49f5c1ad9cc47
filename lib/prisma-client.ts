import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** Connections per process, and how long a query waits for a free one before it fails (an API 503). */
export const POOL_SIZE = 10;
export const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * How long a statement waits for the server's answer before it fails (an API 503). Without it, a
 * database that stops answering without closing its connections (a frozen host, a network
 * partition) holds every request on a pooled connection for as long as that lasts. The app's
 * statements take milliseconds, and Prisma already ends its transactions after 5 s.
 */
export const QUERY_TIMEOUT_MS = 5_000;

/**
 * pg answers a statement that timed out with an error but leaves its connection waiting for the
 * server's reply, so the ROLLBACK that follows in a transaction waits as long again. Such a
 * connection is closed at once instead, as pg itself does in pipeline mode: what is queued on it
 * fails, the pool drops it, and the server rolls the transaction back when it sees the close.
 */
class ClosedOnTimeoutClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (error instanceof Error && error.message === "Query read timeout") this.connection.stream.destroy();
        });
      }
      return result;
    }) as typeof this.query;
  }
}

/** More distinct statements than the app has (about a hundred shapes) are planned each time instead. */
export const MAX_PREPARED_STATEMENTS = 1_000;

/**
 * Names for prepared statements, one per distinct SQL text: pg then parses and plans a statement
 * once per connection instead of on every execution. Planning was most of the database's time for
 * the claim's one-query read (about 1 ms of its 1.5 ms). The names are per process and need not be
 * shared; past MAX_PREPARED_STATEMENTS texts, statements go unnamed so no connection's cache grows
 * without bound.
 */
function statementNames(): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= MAX_PREPARED_STATEMENTS) return known;
    const name = `factcheck_${names.size}`;
    names.set(sql, name);
    return name;
  };
}

/**
 * One factory for the app and the scripts. The pool fails fast when the database is
 * unreachable or stops answering instead of queueing requests for ever.
 *
 * With LOG_QUERIES=1 every SQL statement is printed as one line starting with `prisma:query`:
 * `npm run bench` counts them to report the number of queries each request issues.
 */
export function createPrismaClient(
  connectionString: string,
  options: { preparedStatements?: boolean } = {},
): PrismaClient {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    Client: ClosedOnTimeoutClient,
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // The adapter passes the name to pg, which plans an unnamed statement each time; its type wants a string.
    statementNameGenerator:
      // Scripts (seed, backup, restore) read the same switch as the app, which passes it validated.
      (options.preparedStatements ?? process.env.DATABASE_PREPARED_STATEMENTS !== "off")
        ? (statementNames() as (query: { sql: string }) => string)
        : undefined,
  });
  // Prisma gives up starting a transaction after 2 s without a connection, with an error answered 500,
  // while any other query may wait 5 s: under a burst, writes failed where reads queued. A transaction
  // now waits as long as a query, and the pool's own timeout, answered 503, comes first.
  const transactionOptions = { maxWait: CONNECTION_TIMEOUT_MS + 1_000 };
  if (process.env.LOG_QUERIES !== "1") return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => {
    console.log(
      `prisma:query ${Number(event.duration).toFixed(1)}ms ${event.query.replace(/\s+/g, " ").slice(0, 300)}`,
    );
  });
  return client as unknown as PrismaClient;
}
