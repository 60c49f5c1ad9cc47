#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// The Prisma CLI runs it when PRISMA_SCHEMA_ENGINE_BINARY points here (scripts/prisma.mjs decides
// that). It speaks the native engine's command line and JSON-RPC-over-stdio protocol and hands the
// work to Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), which
// reaches PostgreSQL through the pg driver adapter. "Pitfall N" refers to the numbered pitfalls in
// the team note "Prisma 7 without its downloaded engine" (shared/notes/prisma-offline.md).
//
//   schema-engine --version
//   schema-engine --datasource '{"url":"..."}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels FILE]... --datasource '{"url":"...","shadowDatabaseUrl"?:"..."}'   (RPC)

import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const NATIVE_ENGINE_VERSION = "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8"; // @prisma/engines-version of prisma 7.10.1
const USER_FACING_ERROR = 4466; // JSON-RPC error code the native engine uses for every engine error

// ---------------------------------------------------------------------------------------------
// Loading the wasm engine

let panicMessage = null;
// Pitfall 2: the engine's panic hook writes here; without it a panic becomes an opaque TypeError.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

// Pitfall 1: the package's entry point imports the .wasm file bundler-style, which Node cannot do.
function loadWasmEngine() {
  const wasmFile = fileURLToPath(
    new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
  );
  const wasmModule = new WebAssembly.Module(readFileSync(wasmFile));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": wasmGlue });
  wasmGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return wasmGlue;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL access

// Pitfall 4: adapter-pg cannot map PostgreSQL's one-byte "char" type (OID 18), which the engine reads
// from pg_catalog when describing a schema. Its values are plain strings, so report them as text.
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function addFieldsCharAsText(fields) {
  for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
  return addFields.call(this, fields);
};

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Connection details for pg, from a Prisma datasource URL. */
function parseUrl(url) {
  if (!url) throw new Error("The datasource URL is empty.");
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema) {
    // Pitfall 9: the native engine makes ?schema= the search_path of its connections.
    const setting = `-c search_path=${quoteIdent(schema).replace(/[\\\s]/g, "\\$&")}`;
    const options = parsed.searchParams.get("options");
    parsed.searchParams.set("options", options ? `${options} ${setting}` : setting);
  }
  return {
    database,
    schema,
    user: decodeURIComponent(parsed.username),
    address: `${parsed.hostname}:${parsed.port || 5432}`,
    connectionString: parsed.toString(),
    withDatabase(name) {
      // pg lets connectionString override a `database` option (pitfall 6), so rewrite the URL itself.
      const other = new URL(url);
      other.pathname = `/${encodeURIComponent(name)}`;
      return other.toString();
    },
  };
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The native engine's error code and message for a failed connection, or null if it has none. */
function connectionError(error, target) {
  if (error?.code === "3D000") {
    return {
      code: "P1003",
      message: `Database \`${target.database}\` does not exist on the database server at \`${target.address}\`.`,
    };
  }
  if (error?.code === "28P01" || error?.code === "28000") {
    return {
      code: "P1000",
      message: `Authentication failed against database server at \`${target.address}\`, the provided database credentials for \`${target.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${target.address}\`.`,
    };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"].includes(error?.code)) {
    return {
      code: "P1001",
      message: `Can't reach database server at \`${target.address}\`\n\nPlease make sure your database server is running at \`${target.address}\`.`,
    };
  }
  return null;
}

/** The last PostgreSQL error of a script, for the SQLSTATE in P3018 (see migrationFailed). */
let lastScriptError = null;

/** Shadow databases created and not yet dropped: name -> the main database's connection details. */
const liveShadowDatabases = new Map();

async function dropShadowDatabase(name, target) {
  // WITH (FORCE): the engine may not have closed every pooled connection to it yet (pitfall 6).
  await withClient(target.connectionString, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
  liveShadowDatabases.delete(name);
}

const CONSTRAINT_TYPES_FILTER = "contype NOT IN ('p', 'u', 'f')";

/** adapter-pg connections, with the fixes the schema engine needs. */
class PgAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor(url, shadowDatabaseUrl) {
    this.target = parseUrl(url);
    this.shadowDatabaseUrl = shadowDatabaseUrl;
  }

  connect() {
    return this.open(this.target);
  }

  async open(target) {
    const adapter = await new PrismaPg(
      { connectionString: target.connectionString },
      { schema: target.schema },
    ).connect();
    // Not in the note: PostgreSQL 18 also stores NOT NULL as constraints (contype 'n') in pg_constraint,
    // and this engine's schema describer panics ("unreachable") on that type. Nullability is read from
    // pg_attribute anyway, so its check-constraint query leaves them out, as it would before 18.
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = (query) =>
      queryRaw(
        query.sql.includes(CONSTRAINT_TYPES_FILTER)
          ? { ...query, sql: query.sql.replace(CONSTRAINT_TYPES_FILTER, "contype NOT IN ('p', 'u', 'f', 'n')") }
          : query,
      );
    // Pitfall 5: adapter-pg splits scripts on ";", breaking `$$` bodies and ';' literals, and runs the
    // pieces one by one. One simple-protocol query runs the whole migration as one implicit transaction.
    adapter.executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        lastScriptError = error;
        adapter.onError(error);
      }
    };
    return adapter;
  }

  // Pitfall 6: adapter-pg's own connectToShadowDb() ends up connected to the main database.
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return this.openConfiguredShadowDb(parseUrl(this.shadowDatabaseUrl));
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(this.target.connectionString, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    liveShadowDatabases.set(name, this.target);
    const adapter = await this.open(parseUrl(this.target.withDatabase(name)));
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await dropShadowDatabase(name, this.target);
    };
    return adapter;
  }

  // Not in the note: the wasm engine does not empty a configured shadow database before replaying the
  // migrations into it (the native engine does), so a second run fails with P3006 "already exists".
  async openConfiguredShadowDb(shadow) {
    if (shadow.database === this.target.database && shadow.address === this.target.address) {
      throw new Error(
        "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
      );
    }
    const schema = quoteIdent(shadow.schema ?? "public");
    await withClient(shadow.connectionString, (client) =>
      client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`),
    );
    return this.open(shadow);
  }
}

// ---------------------------------------------------------------------------------------------
// `cli` subcommands, run by the CLI before deploy/dev/status (and after P1003 to create the database)

function logLine(level, fields) {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" });
}

async function runCliCommand(command, datasource) {
  // The CLI skips the first stderr line and parses every later one as JSON.
  process.stderr.write(`${logLine("INFO", { message: `Starting schema engine CLI (wasm stand-in): ${command}` })}\n`);
  let target;
  try {
    target = parseUrl(datasource.url);
    if (command === "can-connect-to-database") {
      await withClient(target.connectionString, (client) => client.query("SELECT 1"));
    } else if (command === "create-database" || command === "drop-database") {
      const statement =
        command === "create-database"
          ? `CREATE DATABASE ${quoteIdent(target.database)}`
          : `DROP DATABASE ${quoteIdent(target.database)} WITH (FORCE)`;
      await runOnMaintenanceDatabase(target, statement);
      const done = command === "create-database" ? "created" : "dropped";
      process.stdout.write(`The database \`${target.database}\` was successfully ${done}.\n`);
    } else {
      throw new Error(`Unknown cli subcommand: ${command}`);
    }
    return 0;
  } catch (error) {
    const known = target && connectionError(error, target);
    const fields = known
      ? { error_code: known.code, message: known.message }
      : { error_code: error.errorCode, message: String(error.message ?? error) };
    process.stderr.write(`${logLine("ERROR", fields)}\n`);
    return 1;
  }
}

/** Like the native engine: CREATE/DROP DATABASE from the `postgres` database, else `template1`. */
async function runOnMaintenanceDatabase(target, statement) {
  try {
    await withClient(target.withDatabase("postgres"), (client) => client.query(statement));
  } catch (error) {
    if (error?.code !== "3D000") throw error;
    await withClient(target.withDatabase("template1"), (client) => client.query(statement));
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC mode

function send(message) {
  process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

const pendingCliCalls = new Map();
let nextCliCallId = 1;

/** A request from the engine side to the CLI; `print` is how the native engine outputs diffs. */
function callCli(method, params) {
  const id = nextCliCallId++;
  send({ id, method, params });
  return new Promise((resolvePromise, reject) => pendingCliCalls.set(id, { resolve: resolvePromise, reject }));
}

const MINIMAL_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

async function startEngine({ datamodelPaths, datasource }) {
  const { SchemaEngine } = loadWasmEngine();
  // Pitfall 11: `migrate diff` passes no --datamodels, and the wasm engine panics without any schema.
  const datamodels = datamodelPaths.length
    ? datamodelPaths.map((path) => [path, readFileSync(resolve(path), "utf8")])
    : [["schema.prisma", MINIMAL_SCHEMA]];
  if (!datasource?.url) {
    // Pitfall 8 again: unlike the native engine, the wasm one needs a database even for `diff --from-empty`.
    throw new Error(
      "The schema engine stand-in needs a database URL for every command; set the datasource url (DATABASE_URL).",
    );
  }
  // Pitfall 3: the wasm engine expects the error-capturing binding of the factory.
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(
    new PgAdapterFactory(datasource.url, datasource.shadowDatabaseUrl),
  );
  adapterErrors = adapterFactory.errorRegistry;
  const log = (line) => process.stderr.write(`${line}\n`);
  return await SchemaEngine.new({ datamodels }, log, adapterFactory);
}

const STARTUP_ERROR_CODES = [
  [/^Can't reach database server/, "P1001"],
  [/^Authentication failed/, "P1000"],
  [/^Database `.*` does not exist/, "P1003"],
];

/**
 * The wasm engine reports a failed migration as a bare connector error, where the native engine
 * answers P3018 with the migration's name and the database error; rebuild the native answer.
 */
function migrationFailed(error) {
  const message = String(error?.message ?? "");
  const migrationName = /apply_migration::apply_script\s+with migration_name="([^"]+)"/.exec(message)?.[1];
  if (!migrationName) return null;
  const databaseError = (/Error querying the database: ([\s\S]*?)\n\s+0: /.exec(message)?.[1] ?? message).trim();
  const databaseErrorCode = lastScriptError?.code ?? "";
  return Object.assign(
    new Error(
      "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
        `Migration name: ${migrationName}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}\n`,
    ),
    {
      errorCode: "P3018",
      meta: { migration_name: migrationName, database_error_code: databaseErrorCode, database_error: databaseError },
    },
  );
}

/** Errors thrown in JS adapter code reach us as "External error id#N", N indexing this registry. */
let adapterErrors = null;

function errorResponse(error) {
  const externalId = /External error id#(\d+)/.exec(error?.message ?? "")?.[1];
  const original = externalId !== undefined ? adapterErrors?.consumeError(Number(externalId))?.error : undefined;
  if (original) error = original;
  error = migrationFailed(error) ?? error;
  const message = String(error?.message ?? error).trimEnd();
  const prismaCode = /^P\d{4}$/.test(error?.code) ? error.code : undefined; // not SQLSTATEs or errnos
  const errorCode =
    error?.errorCode ?? prismaCode ?? STARTUP_ERROR_CODES.find(([pattern]) => pattern.test(message))?.[1];
  return {
    code: USER_FACING_ERROR,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: errorCode, meta: error?.meta ?? {} },
  };
}

async function callEngine(engine, method, params, state) {
  switch (method) {
    case "getDatabaseVersion":
      return await engine.version(params ?? null);
    case "diff": {
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) await callCli("print", { content: stdout.replace(/\n$/, "") });
      return result;
    }
    case "evaluateDataLoss":
    case "createMigration": {
      // Pitfall 7: only diagnoseMigrationHistory/devDiagnostic/diff are handed the shadow database
      // factory; these two read what diagnoseMigrationHistory left in the engine's cache.
      const key = JSON.stringify(params.migrationsList);
      if (state.diagnosedMigrations !== key) {
        await engine.diagnoseMigrationHistory({
          migrationsList: params.migrationsList,
          optInToShadowDatabase: true,
          filters: params.filters ?? { externalTables: [], externalEnums: [] },
        });
        state.diagnosedMigrations = key;
      }
      return await engine[method](params);
    }
    case "diagnoseMigrationHistory": {
      const result = await engine.diagnoseMigrationHistory(params);
      if (params.optInToShadowDatabase) state.diagnosedMigrations = JSON.stringify(params.migrationsList);
      return result;
    }
    case "applyMigrations":
    case "createDatabase":
    case "dbExecute":
    case "debugPanic":
    case "devDiagnostic":
    case "ensureConnectionValidity":
    case "introspect":
    case "introspectSql":
    case "markMigrationApplied":
    case "markMigrationRolledBack":
    case "reset":
    case "schemaPush": {
      if (typeof engine[method] !== "function") throw new Error(`The wasm schema engine has no method ${method}.`);
      // Call through `engine` so the wasm binding keeps its receiver.
      return (await engine[method](params)) ?? null;
    }
    default:
      return undefined;
  }
}

async function runRpcServer(options) {
  const engineReady = startEngine(options);
  // Pitfall 8: a start-up failure is answered to every request below instead of ending the process,
  // which the CLI would take for success.
  engineReady.catch(() => {});
  const state = { diagnosedMigrations: null };
  let queue = Promise.resolve();

  const handleRequest = async (request) => {
    let engine;
    try {
      engine = await engineReady;
    } catch (error) {
      send({ id: request.id, error: errorResponse(error) });
      return;
    }
    try {
      const result = await callEngine(engine, request.method, request.params ?? {}, state);
      if (result === undefined) {
        send({ id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
      } else {
        send({ id: request.id, result });
      }
    } catch (error) {
      if (panicMessage !== null || error instanceof WebAssembly.RuntimeError) {
        // Pitfall 2: the instance is unusable after a panic; exit like the native engine does.
        const message = panicMessage ?? String(error.message);
        send({
          id: request.id,
          error: { code: USER_FACING_ERROR, message, data: { is_panic: true, message, backtrace: error.stack } },
        });
        await cleanUp();
        process.stdout.write("", () => process.exit(101));
        return;
      }
      send({ id: request.id, error: errorResponse(error) });
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our requests (print).
      const pending = pendingCliCalls.get(message.id);
      pendingCliCalls.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
      return;
    }
    queue = queue.then(() => handleRequest(message));
  });
  // stdin closing means exit.
  lines.on("close", () => {
    queue.then(cleanUp).then(() => process.stdout.write("", () => process.exit(0)));
  });
}

async function cleanUp() {
  // Shadow databases the engine did not dispose of (an error part-way).
  for (const [name, target] of liveShadowDatabases) await dropShadowDatabase(name, target).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const options = { datamodelPaths: [], datasource: undefined, subcommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") options.version = true;
    else if (arg === "--datamodels" || arg === "-d") options.datamodelPaths.push(argv[++i]);
    else if (arg === "--datasource") options.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") options.subcommand = argv[++i];
    else throw new Error(`Unexpected argument: ${arg}`);
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
if (options.version) {
  process.stdout.write(`schema-engine-cli ${NATIVE_ENGINE_VERSION} (wasm stand-in ${loadWasmEngine().version()})\n`);
} else if (options.subcommand) {
  process.exitCode = await runCliCommand(options.subcommand, options.datasource ?? {});
} else {
  await runRpcServer(options);
}
