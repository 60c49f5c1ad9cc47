import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { MAX_DB_INTEGER } from "@/lib/validation";

/**
 * The benchmark's floor: `GET /api/claims?…` answered by node:http and `pg` alone, with no
 * framework, no session check and no validation library, so the benchmark can tell how much
 * of a list request's time is the query and how much is everything around it.
 *
 * It mirrors `listClaims` in domains/claims/data.ts as it was when this was written (working tree
 * of 27 Nov 2026, after commit 82b72b2): the page of ids first, then only those rows joined (the
 * "deferred join"); the count from the ClaimTally table when the only filters are article, status
 * and verdict (a count(*) of the matching claims otherwise, or when that table does not exist);
 * the same parameters (the keyset `cursor` too), the same rows and the same JSON shape
 * (`{ items, total, page, pageSize, nextCursor }`).
 * `npm run bench` compares its answers with the app's for the requests it measures, and says so
 * when they drift apart.
 *
 * Started by scripts/bench/run.ts: `node --import tsx scripts/bench/baseline-server.ts` with
 * DATABASE_URL and PORT; prints "baseline listening on <port>" once ready, and with LOG_QUERIES=1
 * one "baseline:query …" line per SQL statement (as the app prints "prisma:query …").
 */

const STATUSES = new Set(["unreviewed", "in_progress", "awaiting_second_review", "verified"]);
const VERDICTS = new Set([
  "unrated",
  "true",
  "mostly_true",
  "mixed",
  "mostly_false",
  "false",
  "misleading",
  "unverifiable",
  "not_a_claim",
]);
const ORDER_BY: Record<string, string> = {
  position: `c."articleId", c."startOffset", c."endOffset"`,
  recent: `c."updatedAt" DESC, c.id DESC`,
  status: `c.status, c."articleId", c."startOffset", c."endOffset"`,
  verdict: `c.verdict, c."articleId", c."startOffset", c."endOffset"`,
};

class BadRequest extends Error {}

function integer(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name)?.trim();
  if (!raw) return fallback;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new BadRequest(`${name} must be a whole number from 1 to ${max}.`);
  return Number(raw);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The app's keyset cursor (domains/claims/cursor.ts): base64url JSON `{ sort, key }`, the last row's sort key. */
const CURSOR_CONDITION: Record<string, (key: unknown[], param: (value: unknown) => string) => string> = {
  position: (key, param) =>
    `(c."articleId", c."startOffset", c."endOffset") > (${param(key[0])}::int, ${param(key[1])}::int, ${param(key[2])}::int)`,
  status: (key, param) =>
    `(c.status, c."articleId", c."startOffset", c."endOffset") > (${param(key[0])}::"ReviewStatus", ${param(key[1])}::int, ${param(key[2])}::int, ${param(key[3])}::int)`,
  verdict: (key, param) =>
    `(c.verdict, c."articleId", c."startOffset", c."endOffset") > (${param(key[0])}::"Verdict", ${param(key[1])}::int, ${param(key[2])}::int, ${param(key[3])}::int)`,
  recent: (key, param) => `(c."updatedAt", c.id) < (${param(new Date(String(key[0])))}, ${param(key[1])}::int)`,
};

function decodeCursor(text: string, sort: string): unknown[] {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { sort?: unknown; key?: unknown };
    if (cursor.sort === sort && Array.isArray(cursor.key)) return cursor.key;
  } catch {
    // answered below
  }
  throw new BadRequest("Bad cursor.");
}

export function encodeCursor(sort: string, row: Record<string, unknown>): string {
  const span = [row.articleId, row.startOffset, row.endOffset];
  const key =
    sort === "position"
      ? span
      : sort === "recent"
        ? [(row.updatedAt as Date).toISOString(), row.id]
        : [row[sort], ...span];
  return Buffer.from(JSON.stringify({ sort, key })).toString("base64url");
}

export interface ListQueries {
  page: number | null;
  sort: string;
  pageSize: number;
  rows: { text: string; values: unknown[] };
  count: { text: string; values: unknown[] };
}

/** The two statements of one list request, as the app builds them; also used by `npm run bench -- --explain`. */
/** Which count tables the database has (a database migrated before them counts the claims). */
export interface CountTables {
  tally: boolean;
  totals: boolean;
}

export async function findCountTables(
  query: (text: string) => Promise<{ rows: { tally: boolean; totals: boolean }[] }>,
): Promise<CountTables> {
  const { rows } = await query(
    `SELECT to_regclass('"ClaimTally"') IS NOT NULL AS tally, to_regclass('"ClaimTotal"') IS NOT NULL AS totals`,
  );
  return rows[0] ?? { tally: false, totals: false };
}

export function buildListQueries(params: URLSearchParams, tables: CountTables): ListQueries {
  const page = integer(params, "page", 1, 1_000_000);
  const pageSize = integer(params, "pageSize", 20, 100);
  const sort = params.get("sort")?.trim() || "position";
  const orderBy = ORDER_BY[sort];
  if (!orderBy) throw new BadRequest("Unknown sort.");
  const status = params.get("status")?.trim() || undefined;
  const verdict = params.get("verdict")?.trim() || undefined;
  const topic = params.get("topic")?.trim() || undefined;
  const q = params.get("q")?.trim() || undefined;
  const article = params.get("article")?.trim() ? integer(params, "article", 1, MAX_DB_INTEGER) : undefined;
  const assignee = params.get("assignee")?.trim() || undefined;
  if (status && !STATUSES.has(status)) throw new BadRequest("Unknown status.");
  if (verdict && !VERDICTS.has(verdict)) throw new BadRequest("Unknown verdict.");
  if (assignee === "me") throw new BadRequest("No session here: give a user id.");

  const conditions: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (assignee === "none") conditions.push(`c."assigneeId" IS NULL`);
  else if (assignee) conditions.push(`c."assigneeId" = ${param(assignee)}`);
  if (article) conditions.push(`c."articleId" = ${param(article)}`);
  if (status) conditions.push(`c.status = ${param(status)}::"ReviewStatus"`);
  if (verdict) conditions.push(`c.verdict = ${param(verdict)}::"Verdict"`);
  if (topic) conditions.push(`c.topic = ${param(topic)}`);
  if (q) {
    const word = param(q);
    const pattern = param(`%${escapeLike(q)}%`);
    conditions.push(
      `(c."searchVector" @@ websearch_to_tsquery('english', ${word}) OR c.quote ILIKE ${pattern} OR c.statement ILIKE ${pattern})`,
    );
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const whereValues = [...values];
  const cursorText = params.get("cursor")?.trim();
  if (cursorText && params.has("page")) throw new BadRequest("Give either page or cursor.");
  const cursorKey = cursorText ? decodeCursor(cursorText, sort) : null;
  const pageWhere = cursorKey
    ? `${where ? `${where} AND` : "WHERE"} ${CURSOR_CONDITION[sort]!(cursorKey, param)}`
    : where;
  const limit = param(pageSize + 1);
  const offset = param(cursorKey ? 0 : (page - 1) * pageSize);

  const rows = {
    text: `WITH page AS (
       SELECT c.id FROM "Claim" c ${pageWhere} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}
     )
     SELECT c.id, c."articleId", a.title AS "articleTitle", c.quote, c."startOffset", c."endOffset",
            c.statement, c.topic, c."attributedTo", c.status, c.verdict, c."updatedAt",
            c."assigneeId", u.name AS "assigneeName",
            (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id) AS "sourceCount"
     FROM page
     JOIN "Claim" c ON c.id = page.id
     JOIN "Article" a ON a.id = c."articleId"
     LEFT JOIN "User" u ON u.id = c."assigneeId"
     ORDER BY ${orderBy}`,
    values,
  };
  if (topic || assignee || q || !tables.tally) {
    return {
      page: cursorKey ? null : page,
      sort,
      pageSize,
      rows,
      count: { text: `SELECT count(*) AS total FROM "Claim" c ${where}`, values: whereValues },
    };
  }
  const tallyConditions: string[] = [];
  const tallyValues: unknown[] = [];
  for (const [column, value, cast] of [
    ["articleId", article, ""],
    ["status", status, `::"ReviewStatus"`],
    ["verdict", verdict, `::"Verdict"`],
  ] as const) {
    if (value === undefined) continue;
    tallyValues.push(value);
    tallyConditions.push(`"${column}" = $${tallyValues.length}${cast}`);
  }
  const tallyWhere = tallyConditions.length > 0 ? `WHERE ${tallyConditions.join(" AND ")}` : "";
  // Without an article the app counts from ClaimTotal (no article column), like this.
  const tallyTable = article === undefined && tables.totals ? "ClaimTotal" : "ClaimTally";
  return {
    page: cursorKey ? null : page,
    sort,
    pageSize,
    rows,
    count: { text: `SELECT sum(count) AS total FROM "${tallyTable}" ${tallyWhere}`, values: tallyValues },
  };
}

/** Prepared statements, parsed and planned once per connection, as the app's are (lib/prisma-client.ts). */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) statementNames.set(text, (name = `baseline_${statementNames.size}`));
  return name;
}

async function listClaims(
  pool: pg.Pool,
  params: URLSearchParams,
  tables: CountTables,
  logQueries: boolean,
): Promise<unknown> {
  const queries = buildListQueries(params, tables);
  const run = <Row extends pg.QueryResultRow>(statement: { text: string; values: unknown[] }) => {
    if (logQueries) console.log(`baseline:query ${statement.text.replace(/\s+/g, " ").slice(0, 120)}`);
    return pool.query<Row>({ name: statementName(statement.text), text: statement.text, values: statement.values });
  };
  const [rows, counted] = await Promise.all([
    run<{ sourceCount: string } & Record<string, unknown>>(queries.rows),
    run<{ total: string | null }>(queries.count),
  ]);
  const items = rows.rows.slice(0, queries.pageSize).map((row) => ({ ...row, sourceCount: Number(row.sourceCount) }));
  const last = items.at(-1);
  return {
    items,
    total: Number(counted.rows[0]?.total ?? 0),
    page: queries.page,
    pageSize: queries.pageSize,
    nextCursor: rows.rows.length > queries.pageSize && last ? encodeCursor(queries.sort, last) : null,
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
  response.end(json);
}

async function main(): Promise<void> {
  // timestamp(3) without time zone holds UTC (Prisma's convention): read it as UTC, as Prisma does.
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === 1114
        ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  // The same pool size as the app's (lib/prisma-client.ts).
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types,
  });
  const logQueries = process.env.LOG_QUERIES === "1";
  const tables = await findCountTables((text) => pool.query<CountTables>(text));

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://baseline");
    if (request.method !== "GET" || url.pathname !== "/api/claims") return send(response, 404, { error: "Not found." });
    listClaims(pool, url.searchParams, tables, logQueries).then(
      (body) => send(response, 200, body),
      (error: unknown) => {
        if (error instanceof BadRequest) return send(response, 400, { error: error.message });
        console.error(error);
        send(response, 500, { error: "Internal error." });
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  const port = Number(process.env.PORT ?? 3200);
  server.listen(port, "127.0.0.1", () => console.log(`baseline listening on ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void pool.end().finally(() => process.exit(0));
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
