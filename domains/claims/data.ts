import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { Prisma, type ReviewStatus, type Verdict } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";
import { type ClaimCursor, encodeCursor } from "./cursor";
import { type ClaimEventAction, claimEventActionSchema } from "./events";
import type { ClaimSort } from "./labels";
import { type ClaimExportQuery, type ClaimListQuery, reviewStatusSchema, verdictSchema } from "./schema";
import { sourceSelect } from "./source-record";
import { type VerdictStage, verdictStage } from "./verdict-stage";

/** A row of the list's statement (listClaims): the claim's columns as the list shows them, and the count. */
const claimListRowSchema = z.strictObject({
  id: z.number().int(),
  articleId: z.number().int(),
  articleTitle: z.string(),
  quote: z.string(),
  startOffset: z.number().int(),
  endOffset: z.number().int(),
  statement: z.string(),
  topic: z.string(),
  attributedTo: z.string().nullable(),
  status: reviewStatusSchema,
  verdict: verdictSchema,
  updatedAt: z.date(),
  /** What a change of this claim sends back (PATCH, bulk), as read with the rest of the row. */
  version: z.number().int(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  sourceCount: z.number().int(),
  /** The size of the whole filtered set, repeated on every row. */
  matching: z.bigint(),
});

export type ClaimListItem = Omit<z.infer<typeof claimListRowSchema>, "matching">;

const totalRowSchema = z.strictObject({ total: z.bigint() });
const topicRowSchema = z.strictObject({ topic: z.string() });

export interface ClaimListPage {
  items: ClaimListItem[];
  total: number;
  /** The page number asked for; null when the page was asked for with a cursor. */
  page: number | null;
  pageSize: number;
  /** Gives the next page through the index, however deep; null on the last page. */
  nextCursor: string | null;
}

/** Each order is unique (so pages never overlap) and matches an index (so no sort of the table). */
const ORDER_BY: Record<ClaimSort, Prisma.Sql> = {
  position: Prisma.sql`c."articleId", c."startOffset", c."endOffset"`,
  recent: Prisma.sql`c."updatedAt" DESC, c.id DESC`,
  status: Prisma.sql`c.status, c."articleId", c."startOffset", c."endOffset"`,
  verdict: Prisma.sql`c.verdict, c."articleId", c."startOffset", c."endOffset"`,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A digit, a decimal point or comma, a digit: "7.1" or "7,1". */
const DECIMAL_MARK = /(?<=\d)[.,](?=\d)/g;
/** What a PostgreSQL regular expression (ARE) reads as other than itself; a backslash makes each literal. */
const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * The search text as a PostgreSQL regular expression matching it literally, except that each decimal
 * mark between two digits matches a point or a comma ("7,1 million" finds "7.1 million" and the
 * reverse: this desk's French sources write decimal commas). Null when the text has no such mark, so
 * the plain substring match is kept. One character class per mark, so the expression grows with the
 * text (at most 200 characters) and never with the number of spellings. A thousands separator ("7,100")
 * matches the other spelling too, which is also how some languages write it.
 */
function decimalInsensitivePattern(text: string): string | null {
  if (!text.match(DECIMAL_MARK)) return null;
  return text
    .split(DECIMAL_MARK)
    .map((part) => part.replace(REGEX_SPECIAL, (char) => `\\${char}`))
    .join("[.,]");
}

/** "After this cursor" in the cursor's own order, as one row comparison that its index answers. */
function afterCursor(cursor: ClaimCursor): Prisma.Sql {
  switch (cursor.sort) {
    case "position":
      return Prisma.sql`(c."articleId", c."startOffset", c."endOffset") > (${cursor.key[0]}, ${cursor.key[1]}, ${cursor.key[2]})`;
    case "status":
      return Prisma.sql`(c.status, c."articleId", c."startOffset", c."endOffset") > (${cursor.key[0]}::"ReviewStatus", ${cursor.key[1]}, ${cursor.key[2]}, ${cursor.key[3]})`;
    case "verdict":
      return Prisma.sql`(c.verdict, c."articleId", c."startOffset", c."endOffset") > (${cursor.key[0]}::"Verdict", ${cursor.key[1]}, ${cursor.key[2]}, ${cursor.key[3]})`;
    case "recent":
      return Prisma.sql`(c."updatedAt", c.id) < (${new Date(cursor.key[0])}, ${cursor.key[1]})`;
  }
}

/**
 * Claims (as `c`) matching a search text: word search (stemmed: "banned" finds "ban") plus a plain
 * substring match, so a name typed in part ("Sisso") or a figure ("7.1") is found as in a spreadsheet.
 * A figure with a decimal point or comma ("7,1 million") is matched in either spelling by a regular
 * expression instead; the trigram indexes on quote and statement answer both kinds of match. The
 * desk's list and the public index search alike.
 */
export function claimSearchCondition(text: string): Prisma.Sql {
  const decimals = decimalInsensitivePattern(text);
  const pattern = `%${escapeLike(text)}%`;
  const contains = (column: Prisma.Sql) =>
    decimals ? Prisma.sql`${column} ~* ${decimals}` : Prisma.sql`${column} ILIKE ${pattern}`;
  return Prisma.sql`(
      c."searchVector" @@ websearch_to_tsquery('english', ${text})
      OR ${contains(Prisma.sql`c.quote`)}
      OR ${contains(Prisma.sql`c.statement`)}
    )`;
}

function whereClause(query: ClaimExportQuery, viewer: CurrentUser, cursor?: ClaimCursor): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (cursor) conditions.push(afterCursor(cursor));
  if (query.assignee === "none") conditions.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (query.assignee)
    conditions.push(Prisma.sql`c."assigneeId" = ${query.assignee === "me" ? viewer.id : query.assignee}`);
  if (query.article) conditions.push(Prisma.sql`c."articleId" = ${query.article}`);
  if (query.status) conditions.push(Prisma.sql`c.status = ${query.status}::"ReviewStatus"`);
  if (query.verdict) conditions.push(Prisma.sql`c.verdict = ${query.verdict}::"Verdict"`);
  if (query.topic) conditions.push(Prisma.sql`c.topic = ${query.topic}`);
  if (query.q) conditions.push(claimSearchCondition(query.q));
  return conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * One page of claims and the size of the whole filtered set, in one statement whatever the page size
 * (a page past the end, which has no row to carry the count, costs a second one). The page's ids are
 * found first from an index alone (a "deferred join"), and only those rows are then read and joined.
 * With a cursor the page starts right after it in the index, so its cost does not depend on how deep
 * it is; with a page number the index entries before it are skipped, which stays cheap for the pages
 * a person opens. One row more than asked tells whether a next page exists.
 */
export async function listClaims(query: ClaimListQuery, viewer: CurrentUser): Promise<ClaimListPage> {
  const offset = query.cursor ? 0 : (query.page - 1) * query.pageSize;
  const count = countStatement(query, whereClause(query, viewer));
  const rows = checkedRows(
    claimListRowSchema,
    await db().$queryRaw<unknown[]>`
    WITH page AS (
      SELECT c.id FROM "Claim" c ${whereClause(query, viewer, query.cursor)}
      ORDER BY ${ORDER_BY[query.sort]} LIMIT ${query.pageSize + 1} OFFSET ${offset}
    ), counted AS (${count})
    SELECT c.id, c."articleId", a.title AS "articleTitle", c.quote, c."startOffset", c."endOffset",
           c.statement, c.topic, c."attributedTo", c.status, c.verdict, c."updatedAt", c.version,
           c."assigneeId", u.name AS "assigneeName",
           (SELECT count(*)::int FROM "Source" s WHERE s."claimId" = c.id) AS "sourceCount",
           (SELECT total FROM counted) AS matching
    FROM page
    JOIN "Claim" c ON c.id = page.id
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    ORDER BY ${ORDER_BY[query.sort]}`,
  );
  const total = Number(
    rows[0]?.matching ?? checkedRows(totalRowSchema, await db().$queryRaw<unknown[]>`${count}`)[0]?.total ?? 0,
  );
  const items = rows.slice(0, query.pageSize).map(({ matching, ...item }): ClaimListItem => item);
  const last = items.at(-1);
  return {
    items,
    total,
    page: query.cursor ? null : query.page,
    pageSize: query.pageSize,
    nextCursor: rows.length > query.pageSize && last ? encodeCursor(query.sort, last) : null,
  };
}

/**
 * The statement counting the filtered claims, as `total`. Filters that the tallies cover are counted
 * from them, in time that grows with neither the number of claims nor the number of articles: status
 * and verdict from ClaimTotal (at most 288 rows), an article from its rows of ClaimTally. The other
 * filters count the matching rows through their index.
 */
function countStatement(query: ClaimExportQuery, where: Prisma.Sql): Prisma.Sql {
  if (query.topic || query.assignee || query.q) return Prisma.sql`SELECT count(*) AS total FROM "Claim" c ${where}`;
  const conditions: Prisma.Sql[] = [];
  if (query.article) conditions.push(Prisma.sql`"articleId" = ${query.article}`);
  if (query.status) conditions.push(Prisma.sql`status = ${query.status}::"ReviewStatus"`);
  if (query.verdict) conditions.push(Prisma.sql`verdict = ${query.verdict}::"Verdict"`);
  const filter = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return query.article
    ? Prisma.sql`SELECT coalesce(sum(count), 0)::bigint AS total FROM "ClaimTally" ${filter}`
    : Prisma.sql`SELECT coalesce(sum(count), 0)::bigint AS total FROM "ClaimTotal" ${filter}`;
}

/** The distinct topics, read as a skip scan of the topic index: one probe per topic, not one per claim. */
export async function listTopics(): Promise<string[]> {
  const rows = checkedRows(
    topicRowSchema,
    await db().$queryRaw<unknown[]>`
    WITH RECURSIVE topics AS (
      (SELECT topic FROM "Claim" ORDER BY topic LIMIT 1)
      UNION ALL
      SELECT (SELECT c.topic FROM "Claim" c WHERE c.topic > topics.topic ORDER BY c.topic LIMIT 1)
      FROM topics WHERE topics.topic IS NOT NULL
    )
    SELECT topic FROM topics WHERE topic IS NOT NULL`,
  );
  return rows.map((row) => row.topic);
}

/** Where a verdict stands: verified (settled), proposed and awaiting its second review, or a draft. */
export type VerdictCount = Record<Exclude<VerdictStage, "none">, number>;

export interface ClaimCounts {
  total: number;
  byStatus: Record<ReviewStatus, number>;
  /** Per verdict, how many claims carry it at each stage: only the settled ones are that verdict yet. */
  byVerdict: Record<Verdict, VerdictCount>;
  /** Claims without a verdict (unrated), whatever their status. */
  unrated: number;
}

/**
 * Counts by status and by verdict and stage from ClaimTotal, the totals a trigger keeps exact per
 * (status, verdict): at most 288 rows whatever the number of claims, and since they are kept by status
 * as well, the verified claims' verdicts are counted apart from the proposed and draft ones without
 * reading a claim.
 */
export async function getClaimCounts(): Promise<ClaimCounts> {
  const groups = await db().claimTotal.groupBy({ by: ["status", "verdict"], _sum: { count: true } });
  const byStatus: Record<ReviewStatus, number> = {
    unreviewed: 0,
    in_progress: 0,
    awaiting_second_review: 0,
    verified: 0,
  };
  const none = (): VerdictCount => ({ settled: 0, proposed: 0, draft: 0 });
  const byVerdict: Record<Verdict, VerdictCount> = {
    unrated: none(),
    true: none(),
    mostly_true: none(),
    mixed: none(),
    mostly_false: none(),
    false: none(),
    misleading: none(),
    unverifiable: none(),
    not_a_claim: none(),
  };
  let total = 0;
  let unrated = 0;
  for (const group of groups) {
    const count = group._sum.count ?? 0;
    byStatus[group.status] += count;
    const stage = verdictStage(group);
    if (stage === "none") unrated += count;
    else byVerdict[group.verdict][stage] += count;
    total += count;
  }
  return { total, byStatus, byVerdict, unrated };
}

/** A claim as the API shows it: everything about it but its article's text. */
const claimRecordSelect = {
  id: true,
  articleId: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  statement: true,
  topic: true,
  attributedTo: true,
  status: true,
  verdict: true,
  rationale: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  proposedAt: true,
  verifiedAt: true,
  retractedAt: true,
  retractionReason: true,
  assignee: { select: { id: true, name: true } },
  proposedBy: { select: { id: true, name: true } },
  verifiedBy: { select: { id: true, name: true } },
  retractedBy: { select: { id: true, name: true } },
  duplicateOf: { select: { id: true, statement: true, status: true, verdict: true } },
  corrections: {
    select: {
      id: true,
      reason: true,
      previousVerdict: true,
      previousRationale: true,
      newVerdict: true,
      newRationale: true,
      reopenedAt: true,
      resolvedAt: true,
      reopenedBy: { select: { id: true, name: true } },
    },
    orderBy: { reopenedAt: "asc" },
  },
  article: { select: { id: true, title: true, url: true, publisher: true, publishedAt: true } },
  sources: { select: sourceSelect, orderBy: { addedAt: "asc" } },
  events: {
    select: {
      id: true,
      action: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ClaimSelect;

type StoredEvent = Prisma.ClaimEventGetPayload<{ select: typeof claimRecordSelect.events.select }>;

/** An event of a claim's history, its action parsed from the text column into the closed set it belongs to. */
export type ClaimHistoryEvent = Omit<StoredEvent, "action"> & { action: ClaimEventAction };

type WithEventActions<Claim extends { events: StoredEvent[] }> = Omit<Claim, "events"> & {
  events: ClaimHistoryEvent[];
};

function withEventActions<Claim extends { events: StoredEvent[] }>({
  events,
  ...claim
}: Claim): WithEventActions<Claim> {
  return {
    ...claim,
    events: events.map(({ action, ...event }) => ({ ...event, action: claimEventActionSchema.parse(action) })),
  };
}

export type ClaimRecord = WithEventActions<Prisma.ClaimGetPayload<{ select: typeof claimRecordSelect }>>;

/** The claim's page also shows the passage of the article around it. */
const claimDetailSelect = {
  ...claimRecordSelect,
  article: { select: { ...claimRecordSelect.article.select, body: true } },
} satisfies Prisma.ClaimSelect;

export type ClaimDetail = WithEventActions<Prisma.ClaimGetPayload<{ select: typeof claimDetailSelect }>>;

/** A claim with its article, sources and history, in one round trip; null for an unknown id. */
export async function getClaim(id: number): Promise<ClaimDetail | null> {
  const claim = await db().claim.findUnique({ where: { id }, select: claimDetailSelect });
  return claim && withEventActions(claim);
}

/** The same without the article's text (which can be 200,000 characters), for the API and for writers that answer with the claim. */
export async function getClaimRecord(
  id: number,
  client: Pick<ReturnType<typeof db>, "claim"> = db(),
): Promise<ClaimRecord | null> {
  const claim = await client.claim.findUnique({ where: { id }, select: claimRecordSelect });
  return claim && withEventActions(claim);
}

/** A row of the CSV export (listClaimsForExport). */
const claimExportRowSchema = z.strictObject({
  id: z.number().int(),
  articleTitle: z.string(),
  quote: z.string(),
  statement: z.string(),
  status: reviewStatusSchema,
  verdict: verdictSchema,
  rationale: z.string().nullable(),
  assigneeName: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  updatedAt: z.date(),
  sourceCount: z.bigint(),
  /** The sources' URLs, separated by spaces; null without sources. */
  sourceUrls: z.string().nullable(),
});

export type ClaimExportRow = z.infer<typeof claimExportRowSchema>;

/** Every claim of the list's current view (its filters and order, no paging), in one query. */
export async function listClaimsForExport(query: ClaimExportQuery, viewer: CurrentUser): Promise<ClaimExportRow[]> {
  return checkedRows(
    claimExportRowSchema,
    await db().$queryRaw<unknown[]>`
    SELECT c.id, a.title AS "articleTitle", c.quote, c.statement, c.status, c.verdict, c.rationale,
           u.name AS "assigneeName", v.name AS "verifiedByName", c."verifiedAt", c."updatedAt",
           (SELECT count(*) FROM "Source" s WHERE s."claimId" = c.id) AS "sourceCount",
           (SELECT string_agg(s.url, ' ' ORDER BY s.id) FROM "Source" s WHERE s."claimId" = c.id) AS "sourceUrls"
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "User" u ON u.id = c."assigneeId"
    LEFT JOIN "User" v ON v.id = c."verifiedById"
    ${whereClause(query, viewer)}
    ORDER BY ${ORDER_BY[query.sort]}`,
  );
}

export async function claimExists(id: number): Promise<boolean> {
  return (await db().claim.count({ where: { id } })) > 0;
}
