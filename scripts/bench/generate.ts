import { pathToFileURL } from "node:url";
import pg from "pg";

/**
 * Synthetic data for the benchmark (`npm run bench`), added to an already migrated and seeded
 * database (the Mali article, its 44 claims and the four demo users must be there: see
 * createMigratedDatabase in scripts/lib/test-database.ts).
 *
 * Deterministic: everything comes from a seeded PRNG and fixed dates, and ids are given
 * explicitly (following the seed's rows), so one seed always gives the same rows. Rows are
 * written with one multi-row `INSERT … SELECT FROM unnest($1::int[], …)` per batch of a few
 * thousand, in a single transaction.
 *
 * Shape of the data:
 * - articles of about 50 claims each; the body is made of generated sentences, each claim's quote
 *   is one of them, so `body.slice(startOffset, endOffset) === quote` holds for every claim;
 * - statement and quote come from a small vocabulary; the word "ceasefire" and the name "Sissoko"
 *   each appear in about 1% of the claims (SEARCH_WORD, SEARCH_NAME), so a search for them is selective;
 * - ten topics; status ≈ 55% unreviewed, 20% in progress, 10% awaiting second review, 15% verified;
 *   verdict unrated for unreviewed claims, a real verdict for most others; assignees spread over
 *   the four demo users (and nobody, mostly for unreviewed claims);
 * - sources: about 1.5 per claim that is not unreviewed, with a url unique per claim;
 * - history: about 2 events per claim that is not unreviewed (started, edited, proposed, approved),
 *   and each claim's version is 1 + its number of events.
 */

export const SEARCH_WORD = "ceasefire";
export const SEARCH_NAME = "Sissoko";
const KEYWORD_SHARE = 0.01;
const CLAIMS_PER_ARTICLE = 50;
const BATCH_ROWS = 4_000;
/** All generated times are before this instant, so the data does not depend on the clock. */
const EPOCH = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

export interface GenerateOptions {
  claims: number;
  seed: number;
}

export interface GenerateResult {
  articles: number;
  claims: number;
  sources: number;
  events: number;
  seconds: number;
  /** First and last generated claim id. */
  claimIds: [number, number];
}

/** sfc32: small, fast, good enough, and the same on every machine. */
function prng(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
function weighted<T extends string | number | null>(random: Random, table: readonly (readonly [T, number])[]): T {
  let r = random();
  for (const [value, weight] of table) {
    if (r < weight) return value;
    r -= weight;
  }
  return table[table.length - 1]![0];
}

const TOPICS = [
  "Security and armed conflict",
  "Repression and civil liberties",
  "Inter-Malian dialogue",
  "Political transition",
  "Peace talks",
  "Humanitarian situation",
  "History",
  "Health",
  "Education",
  "Economy",
] as const;

const SOURCES_OF_CLAIMS: readonly (readonly [string | null, number])[] = [
  [null, 0.4],
  ["UNICEF", 0.08],
  ["The UN mission", 0.08],
  ["A UN expert", 0.07],
  ["The World Food Programme", 0.07],
  ["Human Rights Watch", 0.06],
  ["Amnesty International", 0.06],
  ["The transitional government", 0.06],
  ["Local officials", 0.05],
  ["The ministry of health", 0.04],
  ["Residents", 0.03],
];
const FIGURE_UNITS = ["thousand", "million", "percent of the", "hundred"] as const;
const GROUPS = [
  "children",
  "displaced people",
  "schools",
  "health centres",
  "civilians",
  "refugees",
  "households",
  "farmers",
  "journalists",
  "teachers",
  "villages",
  "herders",
] as const;
const PREDICATES = [
  "were displaced from",
  "lacked access to food in",
  "were closed in",
  "were killed in",
  "fled",
  "received aid in",
  "were detained in",
  "faced severe hunger in",
  "returned to",
  "lost their livestock in",
  "were cut off from markets in",
  "were registered as voters in",
] as const;
const PLACES = [
  "Mopti",
  "Gao",
  "Timbuktu",
  "Kidal",
  "Ségou",
  "Ménaka",
  "Bamako",
  "Sikasso",
  "Kayes",
  "Koulikoro",
  "the Liptako-Gourma region",
  "central Mali",
  "northern Mali",
] as const;
const TAILS = [
  "",
  "",
  "",
  ", a rise from the year before",
  ", according to field reports",
  ", twice the figure of the previous year",
  ", the highest number on record",
  ", despite repeated appeals for calm",
] as const;
const FILLERS = [
  "The situation there remained tense throughout the period.",
  "Several observers described the months that followed as a turning point.",
  "Few independent journalists were able to travel to the area.",
  "Negotiations between the parties stalled more than once.",
  "Aid convoys were delayed for weeks on the main roads.",
  "The authorities gave no detailed figures of their own.",
  "Markets reopened slowly as the rainy season began.",
  "Community leaders called for dialogue between the armed groups.",
] as const;
const VERDICT_MIX: readonly (readonly [string, number])[] = [
  ["true", 0.2],
  ["mostly_true", 0.2],
  ["mixed", 0.15],
  ["mostly_false", 0.12],
  ["false", 0.15],
  ["misleading", 0.1],
  ["unverifiable", 0.05],
  ["not_a_claim", 0.03],
];
const STATUS_MIX: readonly (readonly [string, number])[] = [
  ["unreviewed", 0.55],
  ["in_progress", 0.2],
  ["awaiting_second_review", 0.1],
  ["verified", 0.15],
];
const PUBLISHERS = [
  ["UNICEF", "unicef.org"],
  ["OCHA", "unocha.org"],
  ["World Food Programme", "wfp.org"],
  ["Human Rights Watch", "hrw.org"],
  ["Reuters", "reuters.com"],
  ["RFI", "rfi.fr"],
  ["ACLED", "acleddata.com"],
  ["The World Bank", "worldbank.org"],
] as const;
const STANCES = ["supports", "refutes", "context"] as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function figure(random: Random): string {
  const unit = pick(random, FIGURE_UNITS);
  if (unit === "million") return `${int(random, 1, 9)}.${int(random, 0, 9)} million`;
  if (unit === "percent of the") return `${int(random, 2, 95)} percent of the`;
  if (unit === "hundred") return withThousands(int(random, 120, 98_000));
  return `${int(random, 2, 900)} thousand`;
}

/** One checkable sentence: the quote as it appears in the article and the neutral statement. */
function claimText(random: Random): { quote: string; statement: string; attributedTo: string | null } {
  let attributedTo = weighted(random, SOURCES_OF_CLAIMS);
  if (random() < KEYWORD_SHARE) attributedTo = `Minister Amadou ${SEARCH_NAME}`;
  const ceasefire = random() < KEYWORD_SHARE;
  const year = int(random, 2012, 2024);
  const core = `${figure(random)} ${pick(random, GROUPS)} ${pick(random, PREDICATES)} ${pick(random, PLACES)} in ${year}`;
  const tail = ceasefire ? ` after the ${SEARCH_WORD} of that year collapsed` : pick(random, TAILS);
  const statement = `${capitalise(core)}${tail}.`;
  const quote = attributedTo
    ? `According to ${attributedTo === "Residents" ? "residents" : attributedTo}, ${core}${tail}.`
    : statement;
  return { quote, statement, attributedTo };
}

const RATIONALES = [
  "The figure matches the agency's published report for that year.",
  "The number is close to the official count, but the period quoted is wider than the source's.",
  "No independent source confirms this figure; the only report is the party's own statement.",
  "The report cited says the opposite: the number fell over that period.",
  "Partly right: the count is correct for one region, not for the whole country.",
  "The statement is an opinion, not a checkable fact.",
] as const;

function iso(ms: number): string {
  // timestamp(3) without time zone, stored as UTC like Prisma does.
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

interface Users {
  reviewer1: string;
  reviewer2: string;
  editor: string;
  admin: string;
}

async function demoUsers(client: pg.Client): Promise<Users & { names: Map<string, string> }> {
  const { rows } = await client.query<{ id: string; email: string; name: string }>(
    `SELECT id, email, name FROM "User" WHERE email = ANY($1::text[])`,
    [["reviewer1@example.org", "reviewer2@example.org", "editor@example.org", "admin@example.org"]],
  );
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  const get = (email: string) => {
    const id = byEmail.get(email);
    if (!id)
      throw new Error(
        `Demo user ${email} is missing: generate into a database made by createMigratedDatabase (seeded).`,
      );
    return id;
  };
  return {
    reviewer1: get("reviewer1@example.org"),
    reviewer2: get("reviewer2@example.org"),
    editor: get("editor@example.org"),
    admin: get("admin@example.org"),
    names: new Map(rows.map((row) => [row.id, row.name])),
  };
}

/** Column-wise rows for an `INSERT … SELECT * FROM unnest(…)`. */
class Columns {
  readonly data: unknown[][];
  constructor(readonly names: readonly string[]) {
    this.data = names.map(() => []);
  }
  push(...values: unknown[]): void {
    values.forEach((value, i) => this.data[i]!.push(value));
  }
  get length(): number {
    return this.data[0]!.length;
  }
  clear(): void {
    for (const column of this.data) column.length = 0;
  }
}

async function flush(
  client: pg.Client,
  table: string,
  columns: Columns,
  types: readonly string[],
  casts: readonly string[],
) {
  if (columns.length === 0) return;
  const names = columns.names.map((name) => `"${name}"`).join(", ");
  const params = types.map((type, i) => `$${i + 1}::${type}[]`).join(", ");
  const aliases = columns.names.map((_, i) => `c${i}`);
  const selected = aliases.map((alias, i) => `${alias}${casts[i] ?? ""}`).join(", ");
  await client.query(
    `INSERT INTO "${table}" (${names}) SELECT ${selected} FROM unnest(${params}) AS t(${aliases.join(", ")})`,
    columns.data,
  );
  columns.clear();
}

export async function generateData(databaseUrl: string, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const random = prng(options.seed);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", (error) => console.error(`generate: database connection: ${error.message}`));
  await client.connect();
  try {
    const users = await demoUsers(client);
    const workers: readonly (readonly [string, number])[] = [
      [users.reviewer1, 0.35],
      [users.reviewer2, 0.35],
      [users.editor, 0.2],
      [users.admin, 0.1],
    ];
    const everyone = [users.reviewer1, users.reviewer2, users.editor, users.admin];
    const { rows: maxima } = await client.query<{ article: number; claim: number; source: number; event: number }>(
      `SELECT (SELECT coalesce(max(id), 0) FROM "Article")::int AS article, (SELECT coalesce(max(id), 0) FROM "Claim")::int AS claim,
              (SELECT coalesce(max(id), 0) FROM "Source")::int AS source, (SELECT coalesce(max(id), 0) FROM "ClaimEvent")::int AS event`,
    );
    let articleId = maxima[0]!.article;
    let claimId = maxima[0]!.claim;
    let sourceId = maxima[0]!.source;
    let eventId = maxima[0]!.event;
    const firstClaimId = claimId + 1;

    const articles = new Columns([
      "id",
      "slug",
      "title",
      "url",
      "publisher",
      "publishedAt",
      "language",
      "body",
      "updatedAt",
    ]);
    const articleTypes = ["int", "text", "text", "text", "text", "date", "text", "text", "timestamp"];
    const claims = new Columns([
      "id",
      "articleId",
      "quote",
      "startOffset",
      "endOffset",
      "statement",
      "topic",
      "attributedTo",
      "status",
      "verdict",
      "rationale",
      "version",
      "assigneeId",
      "proposedById",
      "proposedAt",
      "verifiedById",
      "verifiedAt",
      "createdAt",
      "updatedAt",
    ]);
    const claimTypes = [
      "int",
      "int",
      "text",
      "int",
      "int",
      "text",
      "text",
      "text",
      "text",
      "text",
      "text",
      "int",
      "text",
      "text",
      "timestamp",
      "text",
      "timestamp",
      "timestamp",
      "timestamp",
    ];
    const claimCasts = ["", "", "", "", "", "", "", "", `::"ReviewStatus"`, `::"Verdict"`];
    const sources = new Columns([
      "id",
      "claimId",
      "url",
      "title",
      "publisher",
      "excerpt",
      "stance",
      "addedById",
      "addedAt",
    ]);
    const sourceTypes = ["int", "int", "text", "text", "text", "text", "text", "text", "timestamp"];
    const sourceCasts = ["", "", "", "", "", "", `::"SourceStance"`];
    const events = new Columns(["id", "claimId", "actorId", "action", "before", "after", "createdAt"]);
    const eventTypes = ["int", "int", "text", "text", "text", "text", "timestamp"];
    const eventCasts = ["", "", "", "", "::jsonb", "::jsonb"];
    let sourceCount = 0;
    let eventCount = 0;
    let articleCount = 0;

    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    const flushClaims = async () => {
      // Claims before the rows that reference them.
      await flush(client, "Article", articles, articleTypes, []);
      await flush(client, "Claim", claims, claimTypes, claimCasts);
      await flush(client, "Source", sources, sourceTypes, sourceCasts);
      await flush(client, "ClaimEvent", events, eventTypes, eventCasts);
    };

    for (let made = 0; made < options.claims;) {
      const inArticle = Math.min(CLAIMS_PER_ARTICLE, options.claims - made);
      articleId += 1;
      articleCount += 1;
      const place = pick(random, PLACES);
      const publishedMs = EPOCH - int(random, 200, 3_000) * DAY;
      const parts: string[] = [];
      let length = 0;
      let sentencesInParagraph = 0;
      const append = (sentence: string): number => {
        if (parts.length > 0) {
          const separator = sentencesInParagraph >= 4 ? "\n\n" : " ";
          if (separator === "\n\n") sentencesInParagraph = 0;
          parts.push(separator);
          length += separator.length;
        }
        const start = length;
        parts.push(sentence);
        length += sentence.length;
        sentencesInParagraph += 1;
        return start;
      };
      append(`This report looks back at the years of conflict in ${place} and what the figures say.`);
      for (let k = 0; k < inArticle; k++) {
        if (random() < 0.5) append(pick(random, FILLERS));
        const text = claimText(random);
        const startOffset = append(text.quote);
        const endOffset = startOffset + text.quote.length;
        claimId += 1;
        const id = claimId;
        const status = weighted(random, STATUS_MIX);
        const verdict =
          status === "unreviewed" || (status === "in_progress" && random() < 0.4)
            ? "unrated"
            : weighted(random, VERDICT_MIX);
        const rationale = verdict === "unrated" ? null : pick(random, RATIONALES);
        const assignee =
          status === "unreviewed" ? (random() < 0.75 ? null : pick(random, everyone)) : weighted(random, workers);
        const createdMs = publishedMs + int(random, 1, 30) * DAY;
        let t = createdMs + int(random, 1, 60) * DAY;
        if (t > EPOCH - DAY) t = EPOCH - DAY - int(random, 1, 1_000) * 60_000;
        let version = 1;
        let proposedById: string | null = null;
        let proposedAt: string | null = null;
        let verifiedById: string | null = null;
        let verifiedAt: string | null = null;
        const event = (actor: string | null, action: string, before: object, after: object) => {
          eventId += 1;
          eventCount += 1;
          version += 1;
          t += int(random, 5, 600) * 60_000;
          events.push(eventId, id, actor, action, JSON.stringify(before), JSON.stringify(after), iso(t));
        };
        if (status !== "unreviewed") {
          event(
            assignee,
            "started",
            { status: "unreviewed", assigneeId: null },
            { status: "in_progress", assigneeId: assignee },
          );
          const sourceTotal =
            status === "in_progress"
              ? weighted(random, [
                  [0, 0.15],
                  [1, 0.35],
                  [2, 0.35],
                  [3, 0.15],
                ] as const)
              : verdict === "not_a_claim"
                ? weighted(random, [
                    [0, 0.5],
                    [1, 0.5],
                  ] as const)
                : weighted(random, [
                    [1, 0.6],
                    [2, 0.3],
                    [3, 0.1],
                  ] as const);
          for (let s = 0; s < sourceTotal; s++) {
            const [publisher, domain] = pick(random, PUBLISHERS);
            sourceId += 1;
            sourceCount += 1;
            sources.push(
              sourceId,
              id,
              `https://www.${domain}/reports/${id}-${s + 1}`,
              `${publisher} report on ${pick(random, GROUPS)} in ${pick(random, PLACES)}`,
              publisher,
              random() < 0.5 ? `The report gives ${figure(random)} ${pick(random, GROUPS)} for the period.` : null,
              pick(random, STANCES),
              assignee ?? users.editor,
              iso(t + int(random, 1, 300) * 60_000),
            );
          }
          if (status === "in_progress" && verdict !== "unrated") {
            event(assignee, "edited", { verdict: "unrated", rationale: null }, { verdict, rationale });
          }
          if (status === "awaiting_second_review" || status === "verified") {
            // The verdict was written and proposed in one go.
            proposedById = assignee;
            proposedAt = iso(t + 60_000);
            event(
              assignee,
              "proposed",
              { status: "in_progress", verdict: "unrated", rationale: null },
              { status: "awaiting_second_review", verdict, rationale, proposedBy: users.names.get(assignee!) },
            );
          }
          if (status === "verified") {
            verifiedById = pick(
              random,
              everyone.filter((user) => user !== proposedById),
            );
            verifiedAt = iso(t + 60_000);
            event(verifiedById, "approved", { status: "awaiting_second_review" }, { status: "verified", verdict });
          }
        }
        claims.push(
          id,
          articleId,
          text.quote,
          startOffset,
          endOffset,
          text.statement,
          pick(random, TOPICS),
          text.attributedTo,
          status,
          verdict,
          rationale,
          version,
          assignee,
          proposedById,
          proposedAt,
          verifiedById,
          verifiedAt,
          iso(createdMs),
          iso(t + 120_000),
        );
      }
      append(`Figures for ${place} are updated as new reports come in.`);
      const body = parts.join("");
      articles.push(
        articleId,
        `bench-${options.seed}-${articleId}`,
        `Counting the cost of conflict in ${place} (${articleCount})`,
        `https://news.example.org/mali/${articleId}`,
        "Bench Wire",
        new Date(publishedMs).toISOString().slice(0, 10),
        "en",
        body,
        iso(publishedMs),
      );
      made += inArticle;
      if (claims.length >= BATCH_ROWS) await flushClaims();
    }
    await flushClaims();
    for (const [table, column] of [
      ["Article", "id"],
      ["Claim", "id"],
      ["Source", "id"],
      ["ClaimEvent", "id"],
    ] as const) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), (SELECT max(id) FROM "${table}"))`,
      );
    }
    await client.query("COMMIT");
    return {
      articles: articleCount,
      claims: options.claims,
      sources: sourceCount,
      events: eventCount,
      seconds: (performance.now() - started) / 1000,
      claimIds: [firstClaimId, claimId],
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// `tsx scripts/bench/generate.ts <databaseUrl> <claims> [seed]`: fills a database by hand (e.g. for EXPLAIN).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, claims, seed] = process.argv.slice(2);
  if (!url || !claims) {
    console.error("Usage: tsx scripts/bench/generate.ts <databaseUrl> <claims> [seed]");
    process.exit(2);
  }
  const result = await generateData(url, { claims: Number(claims), seed: Number(seed ?? 42) });
  console.log(
    `${result.claims} claims, ${result.articles} articles, ${result.sources} sources, ${result.events} events in ${result.seconds.toFixed(1)} s`,
  );
}
