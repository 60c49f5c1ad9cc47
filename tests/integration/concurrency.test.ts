import { afterAll, beforeAll, expect, it } from "vitest";
import { VERDICTS } from "@/domains/claims/labels";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { CONNECTION_TIMEOUT_MS, POOL_SIZE } from "@/lib/prisma-client";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

/**
 * 1,000 writes from the four demo users at a few claims, over a hundred in flight at once, through the real
 * route handlers and PostgreSQL. Afterwards the database must tell one consistent story: each
 * accepted write has exactly one event, each refused one left nothing, and the events replay to
 * the stored claims. Run with CONCURRENCY_SEED=<n> to repeat a mix of requests (the interleaving,
 * and so the outcome of each request, still varies from run to run).
 */
const CLAIM_COUNT = 8;
/** Sessions that write one request after another, each sent with the version the last answer gave. */
const SESSION_COUNT = 40;
const WRITES_PER_SESSION = 23;
/**
 * Clients that loaded the claims before the run and all send one write at the same moment, alongside
 * the sessions: 12 requests for each of the pool's connections, so transactions queue and interleave.
 * Far more would only measure the pool's queue: past its 5 s wait for a connection, the answer is 503.
 */
const BURST_COUNT = 80;
const WRITE_COUNT = SESSION_COUNT * WRITES_PER_SESSION + BURST_COUNT;
const SEED = Number(process.env.CONCURRENCY_SEED ?? Math.floor(Math.random() * 2 ** 31));

type User = keyof typeof DEMO;
type Kind = "edit" | "propose" | "approve" | "send_back" | "reopen" | "source";
const KINDS: Kind[] = ["edit", "propose", "approve", "send_back", "reopen", "source"];
const ACTIONS: Record<Kind, string[]> = {
  edit: ["edited"],
  propose: ["proposed"],
  approve: ["approved", "correction_approved"],
  send_back: ["sent_back"],
  reopen: ["reopened"],
  source: ["source_added"],
};
const CLAIM_FIELDS = ["status", "verdict", "rationale", "assigneeId"] as const;
const SOURCE_FIELDS = ["id", "url", "title", "publisher", "excerpt", "stance", "archiveUrl"] as const;

interface Write {
  n: number;
  claimId: number;
  user: User;
  kind: Kind;
  /** The version sent, if any: the one the client last saw, or an older one when `stale`. */
  version?: number;
  stale: boolean;
  duplicateUrl: boolean;
  /** Sent right after the same client's accepted proposal, with the version that proposal returned. */
  selfApproval: boolean;
  /** Text only this write stores (rationale, comment, reason or source title), to find its event. */
  tag: string;
  json: Record<string, unknown>;
  status?: number;
  body?: Record<string, unknown>;
  /** How long the answer took, queueing for a connection included. */
  ms?: number;
}

interface View {
  version: number;
  status: ReviewStatus;
}

interface Client {
  user: User;
  writes: number;
  views: Map<number, View>;
  lastClaimId?: number;
  selfApprovalDue?: number;
}

interface ClaimSnapshot {
  status: ReviewStatus;
  verdict: string;
  rationale: string | null;
  assigneeId: string | null;
  proposedById: string | null;
  verifiedById: string | null;
  version: number;
  sources: Record<string, unknown>[];
}

let database: TestDatabase;
const cookies = {} as Record<User, string>;
const userIds = {} as Record<User, string>;
let routes: {
  patch: typeof import("@/app/api/claims/[id]/route").PATCH;
  review: typeof import("@/app/api/claims/[id]/review/route").POST;
  reopen: typeof import("@/app/api/claims/[id]/reopen/route").POST;
  addSource: typeof import("@/app/api/claims/[id]/sources/route").POST;
};

beforeAll(async () => {
  database = await cloneSeededDatabase("concurrency");
  // The app's modules read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  routes = {
    patch: (await import("@/app/api/claims/[id]/route")).PATCH,
    review: (await import("@/app/api/claims/[id]/review/route")).POST,
    reopen: (await import("@/app/api/claims/[id]/reopen/route")).POST,
    addSource: (await import("@/app/api/claims/[id]/sources/route")).POST,
  };
  for (const user of Object.keys(DEMO) as User[]) {
    cookies[user] = await signInCookie(DEMO[user]);
    userIds[user] = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO[user] } })).id;
  }
});
afterAll(async () => {
  await database.drop();
});

/** mulberry32: a small seeded generator, so a run's mix of requests can be repeated. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function weighted(weights: Partial<Record<Kind, number>>): Kind {
  const entries = Object.entries(weights) as [Kind, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [kind, weight] of entries) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return entries.at(-1)![0];
}

/** What a client tries depends on what it believes the claim's status is; it is sometimes wrong. */
const KIND_WEIGHTS: Record<ReviewStatus, Partial<Record<Kind, number>>> = {
  unreviewed: { edit: 1 },
  in_progress: { edit: 25, source: 25, propose: 40, approve: 5, reopen: 5 },
  awaiting_second_review: { approve: 50, send_back: 35, edit: 5, source: 5, reopen: 5 },
  verified: { reopen: 70, edit: 10, source: 10, approve: 10 },
};

const PROPOSABLE_VERDICTS = VERDICTS.filter((verdict) => verdict !== "unrated");

function planWrite(client: Client, n: number, claimIds: number[], attachedUrls: Map<number, string[]>): Write {
  const selfApproval = client.selfApprovalDue !== undefined;
  // People work claim by claim: most writes go to the claim the client wrote to last.
  const claimId =
    client.selfApprovalDue ??
    (client.lastClaimId !== undefined && random() < 0.75 ? client.lastClaimId : pick(claimIds));
  client.selfApprovalDue = undefined;
  client.lastClaimId = claimId;
  const view = client.views.get(claimId)!;
  const kind = selfApproval ? "approve" : weighted(KIND_WEIGHTS[view.status]);
  const sendsVersion = kind !== "source" || random() >= 0.3;
  const stale = !selfApproval && sendsVersion && random() < 0.2;
  const version = !sendsVersion
    ? undefined
    : stale
      ? Math.max(1, view.version - 1 - Math.floor(random() * 3))
      : view.version;
  const write: Write = {
    n,
    claimId,
    user: client.user,
    kind,
    version,
    stale,
    duplicateUrl: false,
    selfApproval,
    tag: "",
    json: {},
  };
  const versionField = version === undefined ? {} : { version };
  switch (kind) {
    case "edit":
    case "propose":
      write.tag = `Write ${n}: ${client.user} checked this against the record.`;
      write.json = {
        ...versionField,
        verdict: pick(PROPOSABLE_VERDICTS),
        rationale: write.tag,
        ...(kind === "propose" ? { status: "awaiting_second_review" } : {}),
      };
      break;
    case "approve":
      write.tag = `Write ${n}: approved after a second look.`;
      write.json = { ...versionField, decision: "approve", comment: write.tag };
      break;
    case "send_back":
      write.tag = `Write ${n}: the sources do not support this yet.`;
      write.json = { ...versionField, decision: "send_back", comment: write.tag };
      break;
    case "reopen":
      write.tag = `Write ${n}: a correction is needed.`;
      write.json = { ...versionField, reason: write.tag };
      break;
    case "source": {
      write.duplicateUrl = random() < 0.2;
      const url = write.duplicateUrl
        ? pick(attachedUrls.get(claimId)!)
        : `https://example.org/concurrency/${claimId}/${n}`;
      write.tag = `Source of write ${n}`;
      write.json = { ...versionField, url, title: write.tag, stance: pick(["supports", "refutes", "context"]) };
      break;
    }
  }
  return write;
}

async function send(write: Write): Promise<{ status: number; body: Record<string, unknown> }> {
  const cookie = cookies[write.user];
  const params = routeParams({ id: String(write.claimId) });
  const path = `/api/claims/${write.claimId}`;
  const post = (suffix: string) => apiRequest(`${path}/${suffix}`, { method: "POST", cookie, json: write.json });
  switch (write.kind) {
    case "edit":
    case "propose":
      return responseJson(await routes.patch(apiRequest(path, { method: "PATCH", cookie, json: write.json }), params));
    case "approve":
    case "send_back":
      return responseJson(await routes.review(post("review"), params));
    case "reopen":
      return responseJson(await routes.reopen(post("reopen"), params));
    case "source":
      return responseJson(await routes.addSource(post("sources"), params));
  }
}

/** The client updates what it knows of the claim from the answer, as the claim page does. */
function learn(client: Client, write: Write, attachedUrls: Map<number, string[]>): void {
  const view = client.views.get(write.claimId)!;
  const body = write.body!;
  if (write.status === 200) {
    view.version = body.version as number;
    view.status = body.status as ReviewStatus;
    if (write.kind === "propose") client.selfApprovalDue = write.claimId;
  } else if (write.status === 201) {
    view.version = Math.max(view.version, body.claimVersion as number);
    attachedUrls.get(write.claimId)!.push(write.json.url as string);
  } else if (write.status === 409) {
    const current = body.current as View;
    view.version = current.version;
    view.status = current.status;
  }
}

async function claimSnapshots(claimIds: number[]): Promise<Map<number, ClaimSnapshot>> {
  const claims = await database.prisma.claim.findMany({
    where: { id: { in: claimIds } },
    select: {
      id: true,
      status: true,
      verdict: true,
      rationale: true,
      assigneeId: true,
      proposedById: true,
      verifiedById: true,
      version: true,
      sources: { select: Object.fromEntries(SOURCE_FIELDS.map((field) => [field, true])), orderBy: { id: "asc" } },
    },
  });
  return new Map(claims.map(({ id, ...claim }) => [id, claim as ClaimSnapshot]));
}

type Event = { id: number; claimId: number; actorId: string | null; action: string; before: unknown; after: unknown };

/** The stored text that names the write behind an event. */
function eventTag(event: Event): string | undefined {
  const after = event.after as Record<string, unknown>;
  return (after.rationale ?? after.comment ?? after.reason ?? after.title) as string | undefined;
}

/** Applies the history, event by event, to the claim as it was before the run; says where the story breaks. */
function replay(initial: ClaimSnapshot, events: Event[], problems: string[]): ClaimSnapshot {
  const state: ClaimSnapshot = { ...initial, sources: [...initial.sources] };
  for (const event of events) {
    const before = event.before as Record<string, unknown>;
    const after = event.after as Record<string, unknown>;
    const where = `event #${event.id} (${event.action}, claim ${event.claimId})`;
    const expectBefore = (key: keyof ClaimSnapshot) => {
      if (before[key] !== state[key])
        problems.push(
          `${where}: before.${key} ${JSON.stringify(before[key])}, replay has ${JSON.stringify(state[key])}`,
        );
    };
    switch (event.action) {
      case "source_added":
        if (state.sources.some((source) => source.url === after.url))
          problems.push(`${where}: url ${String(after.url)} was already attached`);
        state.sources.push(Object.fromEntries(SOURCE_FIELDS.map((field) => [field, after[field]])));
        break;
      case "approved":
      case "correction_approved":
        expectBefore("status");
        if (state.status !== "awaiting_second_review")
          problems.push(`${where}: approved a claim that was ${state.status}`);
        if (after.verdict !== state.verdict)
          problems.push(`${where}: approved verdict ${String(after.verdict)}, replay has ${state.verdict}`);
        if (event.actorId === state.proposedById) problems.push(`${where}: approved by its own proposer`);
        state.status = "verified";
        state.verifiedById = event.actorId;
        break;
      case "sent_back":
        expectBefore("status");
        state.status = "in_progress";
        state.proposedById = null;
        break;
      case "reopened":
        expectBefore("status");
        expectBefore("verdict");
        state.status = "in_progress";
        state.proposedById = null;
        state.verifiedById = null;
        break;
      default: {
        const changed = CLAIM_FIELDS.filter((key) => key in after);
        if (changed.length === 0) problems.push(`${where}: an event that changes nothing`);
        for (const key of changed) {
          expectBefore(key);
          if (after[key] === before[key]) problems.push(`${where}: ${key} "changed" to the value it had`);
          (state as unknown as Record<string, unknown>)[key] = after[key];
        }
        if (event.action === "proposed") state.proposedById = event.actorId;
      }
    }
    state.version += 1;
  }
  return state;
}

function count<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

const outcome = (write: Write) =>
  write.status === 200 || write.status === 201
    ? "accepted"
    : [400, 403, 409].includes(write.status!)
      ? String(write.status)
      : "other";

it(`${WRITE_COUNT} concurrent writes from four users at ${CLAIM_COUNT} claims leave a history that replays to the stored claims`, async () => {
  console.log(`concurrency: seed ${SEED} (CONCURRENCY_SEED=${SEED} repeats this mix of requests)`);

  // A workable state first: each claim assigned to a reviewer, in progress, with one source.
  const seeded = await database.prisma.claim.findMany({
    where: { status: "unreviewed", assigneeId: null, sources: { none: {} }, events: { none: {} } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
    take: CLAIM_COUNT,
  });
  expect(seeded).toHaveLength(CLAIM_COUNT);
  const claimIds = seeded.map((claim) => claim.id);
  for (const [index, claim] of seeded.entries()) {
    const assignee: User = index % 2 === 0 ? "reviewer1" : "reviewer2";
    const started = await responseJson(
      await routes.patch(
        apiRequest(`/api/claims/${claim.id}`, {
          method: "PATCH",
          cookie: cookies.editor,
          json: { version: claim.version, assigneeId: userIds[assignee], status: "in_progress" },
        }),
        routeParams({ id: String(claim.id) }),
      ),
    );
    expect(started.status).toBe(200);
    const sourced = await responseJson(
      await routes.addSource(
        apiRequest(`/api/claims/${claim.id}/sources`, {
          method: "POST",
          cookie: cookies[assignee],
          json: {
            version: started.body.version,
            url: `https://example.org/concurrency/${claim.id}/setup`,
            title: "Setup source",
            stance: "supports",
          },
        }),
        routeParams({ id: String(claim.id) }),
      ),
    );
    expect(sourced.status).toBe(201);
  }
  const initial = await claimSnapshots(claimIds);
  const baselineEventId = (await database.prisma.claimEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const attachedUrls = new Map(claimIds.map((id) => [id, [initial.get(id)!.sources[0]!.url as string]]));

  const users = Object.keys(DEMO) as User[];
  const clients: Client[] = Array.from({ length: SESSION_COUNT + BURST_COUNT }, (_, index) => ({
    user: users[index % users.length]!,
    writes: index < SESSION_COUNT ? WRITES_PER_SESSION : 1,
    views: new Map(claimIds.map((id) => [id, { version: initial.get(id)!.version, status: initial.get(id)!.status }])),
  }));
  const writes: Write[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let sent = 0; sent < client.writes; sent++) {
        const write = planWrite(client, writes.length + 1, claimIds, attachedUrls);
        writes.push(write);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const sentAt = performance.now();
        const response = await send(write);
        write.ms = performance.now() - sentAt;
        inFlight -= 1;
        write.status = response.status;
        write.body = response.body;
        learn(client, write, attachedUrls);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const final = await claimSnapshots(claimIds);
  // The history as the app shows it (claim page, API): by time, then id.
  const events: Event[] = await database.prisma.claimEvent.findMany({
    where: { claimId: { in: claimIds }, id: { gt: baselineEventId } },
    select: { id: true, claimId: true, actorId: true, action: true, before: true, after: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

  const byKind = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      count(
        writes.filter((write) => write.kind === kind),
        outcome,
      ),
    ]),
  );
  const byClaim = Object.fromEntries(
    claimIds.map((id) => [
      id,
      {
        ...count(
          writes.filter((write) => write.claimId === id),
          outcome,
        ),
        events: events.filter((event) => event.claimId === id).length,
        version: `${initial.get(id)!.version} -> ${final.get(id)!.version}`,
        status: final.get(id)!.status,
      },
    ]),
  );
  const special = {
    stale: count(
      writes.filter((write) => write.stale),
      outcome,
    ),
    selfApproval: count(
      writes.filter((write) => write.selfApproval),
      outcome,
    ),
    duplicateUrl: count(
      writes.filter((write) => write.duplicateUrl),
      outcome,
    ),
    sourceWithoutVersion: count(
      writes.filter((write) => write.kind === "source" && write.version === undefined),
      outcome,
    ),
  };
  console.log(
    `concurrency: ${writes.length} writes by ${SESSION_COUNT} sessions and ${BURST_COUNT} one-shot clients (at most ${maxInFlight} in flight) in ${seconds.toFixed(1)} s ` +
      `(slowest answer ${(Math.max(...writes.map((write) => write.ms!)) / 1000).toFixed(1)} s); ` +
      `outcomes ${JSON.stringify(count(writes, outcome))}; ${events.length} events`,
  );
  console.table(byKind);
  console.table(special);
  console.table(byClaim);

  expect(writes).toHaveLength(WRITE_COUNT);

  // Every answer is one the rules allow: never a 5xx.
  const unexpected = writes.filter(
    (write) =>
      !(write.kind === "source" ? [201, 400, 403, 409] : [200, 403, 409]).includes(write.status!) ||
      (write.status === 400 && !(write.body!.fields as Record<string, unknown> | undefined)?.url),
  );
  expect(
    unexpected.map((write) => `#${write.n} ${write.kind}: ${write.status} ${JSON.stringify(write.body).slice(0, 300)}`),
  ).toEqual([]);
  // A version older than one the client has seen is a 409 (a reviewer's reopening is refused for the
  // role before the claim is read), and nobody approves their own proposal.
  const staleAnswer = (write: Write) => (write.kind === "reopen" && write.user.startsWith("reviewer") ? 403 : 409);
  expect(
    writes
      .filter((write) => write.stale && write.status !== staleAnswer(write))
      .map((write) => `#${write.n} ${write.kind}: ${write.status}`),
  ).toEqual([]);
  expect(writes.filter((write) => write.selfApproval && write.status === 200).map((write) => write.n)).toEqual([]);
  // Adds without a version queue on the claim's row lock, so they never lose a race on the version;
  // and a url already attached to the claim is never attached twice.
  expect(
    writes
      .filter((write) => write.kind === "source" && write.version === undefined && write.status === 409)
      .map((write) => write.n),
  ).toEqual([]);
  expect(writes.filter((write) => write.duplicateUrl && write.status === 201).map((write) => write.n)).toEqual([]);
  const selfApprovalsRefused = writes.filter(
    (write) =>
      write.kind === "approve" && write.status === 403 && /You proposed this verdict/.test(String(write.body!.error)),
  );
  expect(selfApprovalsRefused.length).toBeGreaterThan(0);
  // The run must have exercised every path, or it proves little.
  for (const kind of KINDS) expect(byKind[kind]!.accepted, `accepted ${kind} writes`).toBeGreaterThan(0);
  expect(special.stale["409"]).toBeGreaterThan(0);
  expect(special.duplicateUrl["400"]).toBeGreaterThan(0);

  // Each accepted write has exactly one event, on its claim, of its kind, by its author; a refused one has none.
  const writesByTag = new Map(writes.map((write) => [write.tag, write]));
  const eventsOfWrite = new Map<Write, Event[]>();
  const problems: string[] = [];
  for (const event of events) {
    const write = writesByTag.get(eventTag(event) ?? "");
    if (!write) {
      problems.push(`event #${event.id} (${event.action}) matches no write`);
      continue;
    }
    eventsOfWrite.set(write, [...(eventsOfWrite.get(write) ?? []), event]);
    if (
      event.claimId !== write.claimId ||
      !ACTIONS[write.kind].includes(event.action) ||
      event.actorId !== userIds[write.user]
    ) {
      problems.push(
        `event #${event.id} (${event.action} by ${event.actorId} on ${event.claimId}) does not fit write #${write.n} (${write.kind} by ${write.user} on ${write.claimId})`,
      );
    }
  }
  for (const write of writes) {
    const found = eventsOfWrite.get(write)?.length ?? 0;
    const accepted = outcome(write) === "accepted";
    if (found !== (accepted ? 1 : 0))
      problems.push(`write #${write.n} (${write.kind}, ${write.status}) has ${found} events`);
  }
  expect(problems).toEqual([]);

  // A refused source left no row; an accepted one is stored under the id it was answered with.
  const storedTitles = new Map(
    [...final.values()].flatMap((claim) =>
      claim.sources.map((source) => [source.title as string, source.id as number] as const),
    ),
  );
  for (const write of writes.filter((candidate) => candidate.kind === "source")) {
    const storedId = storedTitles.get(write.tag);
    if (write.status === 201 && storedId !== write.body!.id)
      problems.push(`accepted source of write #${write.n} is not stored`);
    if (write.status !== 201 && storedId !== undefined)
      problems.push(`refused source of write #${write.n} is stored as #${storedId}`);
  }
  expect(problems).toEqual([]);

  for (const claimId of claimIds) {
    const claimEvents = events.filter((event) => event.claimId === claimId);
    const start = initial.get(claimId)!;
    const end = final.get(claimId)!;
    // Versions: the n-th event of the run took the claim from start + n - 1 to start + n, and its
    // write was sent with (or answered with) exactly that version: no gaps, no two writes on one version.
    expect(claimEvents.map((event) => event.id)).toEqual(claimEvents.map((event) => event.id).sort((a, b) => a - b));
    claimEvents.forEach((event, index) => {
      const write = writesByTag.get(eventTag(event)!)!;
      const versionAfter = start.version + index + 1;
      if (write.version !== undefined && write.version !== versionAfter - 1) {
        problems.push(
          `write #${write.n} sent version ${write.version} but its event is version ${versionAfter - 1} -> ${versionAfter}`,
        );
      }
      if (write.kind === "source" && write.body!.claimVersion !== versionAfter) {
        problems.push(
          `write #${write.n} was answered version ${String(write.body!.claimVersion)}; its event made ${versionAfter}`,
        );
      }
      if (write.kind !== "source" && (write.body!.version as number) < versionAfter) {
        problems.push(
          `write #${write.n} was answered version ${String(write.body!.version)}, older than its own ${versionAfter}`,
        );
      }
      // Each field it wrote is what is stored, or a later event wrote that field again.
      const after = event.after as Record<string, unknown>;
      for (const key of CLAIM_FIELDS.filter((field) => field in after)) {
        const superseded = claimEvents
          .slice(index + 1)
          .some((later) => key in (later.after as Record<string, unknown>));
        if (!superseded && end[key] !== after[key])
          problems.push(`write #${write.n} set ${key} and nothing later changed it, yet it is not stored`);
      }
    });
    expect(problems).toEqual([]);
    expect(end.version).toBe(start.version + claimEvents.length);
    expect(replay(start, claimEvents, problems)).toEqual(end);
    expect(problems).toEqual([]);

    const corrections = await database.prisma.correction.findMany({ where: { claimId }, select: { resolvedAt: true } });
    expect(corrections).toHaveLength(claimEvents.filter((event) => event.action === "reopened").length);
    expect(corrections.filter((correction) => correction.resolvedAt !== null)).toHaveLength(
      claimEvents.filter((event) => event.action === "correction_approved").length,
    );
  }

  // The tally the overview reads, kept by a trigger under the same contention, still counts the claims.
  const tally = await database.prisma.claimTally.findMany({
    where: { count: { not: 0 } },
    orderBy: [{ articleId: "asc" }, { status: "asc" }, { verdict: "asc" }],
  });
  const counted = await database.prisma.claim.groupBy({
    by: ["articleId", "status", "verdict"],
    _count: { _all: true },
  });
  expect(tally.map((row) => `${row.articleId}/${row.status}/${row.verdict}: ${row.count}`).sort()).toEqual(
    counted.map((row) => `${row.articleId}/${row.status}/${row.verdict}: ${row._count._all}`).sort(),
  );
}, 120_000);

it("a transaction queued behind a busy pool waits for a connection, as a read does, instead of failing", async () => {
  const { db } = await import("@/lib/db");
  const { reopenClaim } = await import("@/domains/claims/mutations");
  const editor = await database.prisma.user.findUniqueOrThrow({
    where: { email: DEMO.editor },
    select: { id: true, name: true, email: true, role: true },
  });
  // Reopening writes the correction and the claim's change in one transaction.
  const unreviewed = await database.prisma.claim.findFirstOrThrow({
    where: { status: "unreviewed", events: { none: {} } },
    orderBy: { id: "desc" },
  });
  const claim = await database.prisma.claim.update({
    where: { id: unreviewed.id },
    data: { status: "verified", verdict: "mostly_true" },
  });
  const eventsBefore = await database.prisma.claimEvent.count({ where: { claimId: claim.id } });
  // Longer than Prisma's default wait for a transaction's connection (2 s), shorter than the pool's.
  const holdSeconds = (CONNECTION_TIMEOUT_MS * 0.6) / 1000;
  // Promise.all starts them: a Prisma query runs only once awaited.
  const busy = Promise.all(
    Array.from({ length: POOL_SIZE }, () => db().$queryRaw`SELECT 1 FROM pg_sleep(${holdSeconds})`),
  );
  const sleeping = async () =>
    (
      await database.prisma.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'active' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()`
    )[0]!.count;
  while ((await sleeping()) < POOL_SIZE) await new Promise((resolve) => setTimeout(resolve, 20));

  const started = performance.now();
  const reason = "The source was misread: the figure is for 2023, not 2024.";
  const write = reopenClaim(editor, claim.id, { version: claim.version, reason }).then((result) => ({
    result,
    waited: (performance.now() - started) / 1000,
  }));
  const [written] = await Promise.allSettled([write, busy]);
  if (written.status === "rejected") throw written.reason;

  expect(written.value.result).toEqual({ version: claim.version + 1 });
  expect(written.value.waited).toBeGreaterThan(2);
  expect(await database.prisma.claimEvent.count({ where: { claimId: claim.id } })).toBe(eventsBefore + 1);
  expect(await database.prisma.correction.count({ where: { claimId: claim.id, resolvedAt: null } })).toBe(1);
});
