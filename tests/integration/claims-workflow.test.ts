import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
const cookies: Record<keyof typeof DEMO, string> = { reviewer1: "", reviewer2: "", editor: "", admin: "" };
const ids: Record<keyof typeof DEMO, string> = { reviewer1: "", reviewer2: "", editor: "", admin: "" };
let routes: {
  patch: typeof import("@/app/api/claims/[id]/route").PATCH;
  get: typeof import("@/app/api/claims/[id]/route").GET;
  review: typeof import("@/app/api/claims/[id]/review/route").POST;
  reopen: typeof import("@/app/api/claims/[id]/reopen/route").POST;
};

beforeAll(async () => {
  database = await cloneSeededDatabase("workflow");
  process.env.DATABASE_URL = database.url;
  routes = {
    patch: (await import("@/app/api/claims/[id]/route")).PATCH,
    get: (await import("@/app/api/claims/[id]/route")).GET,
    review: (await import("@/app/api/claims/[id]/review/route")).POST,
    reopen: (await import("@/app/api/claims/[id]/reopen/route")).POST,
  };
  for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
    cookies[role] = await signInCookie(DEMO[role]);
    ids[role] = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO[role] } })).id;
  }
});
afterAll(async () => {
  await database.drop();
});

type As = keyof typeof DEMO | "anonymous";

function call(
  route: "patch" | "review" | "reopen",
  as: As,
  claimId: number | string,
  json?: unknown,
  extra: { body?: string; origin?: string } = {},
) {
  const path = route === "patch" ? `/api/claims/${claimId}` : `/api/claims/${claimId}/${route}`;
  const request = apiRequest(path, {
    method: route === "patch" ? "PATCH" : "POST",
    cookie: as === "anonymous" ? undefined : cookies[as],
    json,
    ...extra,
  });
  return routes[route](request, routeParams({ id: String(claimId) })).then(responseJson);
}

async function freshClaim() {
  const claim = await database.prisma.claim.findFirstOrThrow({
    where: { status: "unreviewed", assigneeId: null, sources: { none: {} } },
    orderBy: { id: "desc" },
  });
  return claim;
}

async function addSource(claimId: number) {
  await database.prisma.source.create({
    data: {
      claimId,
      url: `https://example.org/${claimId}`,
      title: "A report",
      stance: "supports",
      addedById: ids.reviewer1,
    },
  });
}

const snapshot = (claimId: number) =>
  Promise.all([
    database.prisma.claim.findUniqueOrThrow({ where: { id: claimId } }),
    database.prisma.claimEvent.count({ where: { claimId } }),
  ]);

describe("PATCH /api/claims/[id]: refusals", () => {
  it("answers 401 without a session and 404 for an unknown claim", async () => {
    const claim = await freshClaim();
    expect((await call("patch", "anonymous", claim.id, { version: 1, status: "in_progress" })).status).toBe(401);
    const missing = await call("patch", "reviewer1", 999999, { version: 1, status: "in_progress" });
    expect(missing).toEqual({ status: 404, body: { error: expect.any(String) } });
    expect((await call("patch", "reviewer1", "abc", { version: 1 })).status).toBe(404);
  });

  it("answers 400 with the fields at fault for malformed input, and stores nothing", async () => {
    const claim = await freshClaim();
    const before = await snapshot(claim.id);
    const cases: { json?: unknown; body?: string; field?: string }[] = [
      { body: "{not json" },
      { body: "" },
      { json: [1, 2, 3] },
      { json: "text" },
      { json: { status: "in_progress" }, field: "version" },
      { json: { version: "one", status: "in_progress" }, field: "version" },
      { json: { version: -4, status: "in_progress" }, field: "version" },
      { json: { version: 1e30, status: "in_progress" }, field: "version" },
      { json: { version: 1, status: "done" }, field: "status" },
      { json: { version: 1, verdict: "probably" }, field: "verdict" },
      { json: { version: 1, verdict: ["true"] }, field: "verdict" },
      { json: { version: 1, rationale: 42 }, field: "rationale" },
      { json: { version: 1, rationale: "x".repeat(100_000) }, field: "rationale" },
      { json: { version: 1, assigneeId: { id: "x" } }, field: "assigneeId" },
      { json: { version: 1, status: "in_progress", isAdmin: true } },
      { json: { version: 1 } },
    ];
    for (const testCase of cases) {
      const response = await call(
        "patch",
        "editor",
        claim.id,
        testCase.json,
        testCase.body !== undefined ? { body: testCase.body } : {},
      );
      expect(response.status, JSON.stringify(testCase).slice(0, 80)).toBe(400);
      expect(response.body.error).toEqual(expect.any(String));
      if (testCase.field) expect(response.body.fields).toHaveProperty(testCase.field);
    }
    expect(await snapshot(claim.id)).toEqual(before);
  });

  it("refuses a write from another site's page with 403", async () => {
    const claim = await freshClaim();
    const response = await call(
      "patch",
      "editor",
      claim.id,
      { version: claim.version, status: "in_progress" },
      { origin: "https://evil.example" },
    );
    expect(response.status).toBe(403);
    expect((await snapshot(claim.id))[0].status).toBe("unreviewed");
  });

  it("answers 409 with who changed what when the version is stale, and stores nothing", async () => {
    const claim = await freshClaim();
    const started = await call("patch", "reviewer1", claim.id, { version: claim.version, status: "in_progress" });
    expect(started.status).toBe(200);
    const before = await snapshot(claim.id);
    const stale = await call("patch", "reviewer1", claim.id, {
      version: claim.version,
      verdict: "false",
      rationale: "Overwriting blindly.",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: expect.stringContaining("Rita Reviewer started work"),
      current: { version: claim.version + 1, status: "in_progress", verdict: "unrated" },
      lastChange: { action: "started", actor: { name: "Rita Reviewer" } },
    });
    expect(await snapshot(claim.id)).toEqual(before);
  });
});

describe("roles and assignment", () => {
  it("lets a reviewer take an unassigned claim and release it, but not assign others", async () => {
    const claim = await freshClaim();
    const taken = await call("patch", "reviewer1", claim.id, { version: claim.version, assigneeId: ids.reviewer1 });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ assignee: { id: ids.reviewer1 }, version: claim.version + 1 });
    const stolen = await call("patch", "reviewer2", claim.id, {
      version: claim.version + 1,
      assigneeId: ids.reviewer2,
    });
    expect(stolen.status).toBe(403);
    const released = await call("patch", "reviewer1", claim.id, { version: claim.version + 1, assigneeId: null });
    expect(released.status).toBe(200);
    const pushed = await call("patch", "reviewer1", claim.id, {
      version: claim.version + 2,
      assigneeId: ids.reviewer2,
    });
    expect(pushed.status).toBe(403);
  });

  it("lets an editor assign anyone active, and refuses an unknown user", async () => {
    const claim = await freshClaim();
    const assigned = await call("patch", "editor", claim.id, { version: claim.version, assigneeId: ids.reviewer2 });
    expect(assigned.status).toBe(200);
    const unknown = await call("patch", "editor", claim.id, { version: claim.version + 1, assigneeId: "no-such-user" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty("assigneeId");
  });

  it("keeps reviewers off verdicts of claims assigned to someone else", async () => {
    const claim = await freshClaim();
    await call("patch", "editor", claim.id, { version: claim.version, assigneeId: ids.reviewer2 });
    const refused = await call("patch", "reviewer1", claim.id, {
      version: claim.version + 1,
      verdict: "false",
      rationale: "Not my claim at all.",
    });
    expect(refused.status).toBe(403);
  });

  it("refuses setting verified or unreviewed through PATCH", async () => {
    const claim = await freshClaim();
    await call("patch", "reviewer1", claim.id, { version: claim.version, status: "in_progress" });
    expect((await call("patch", "editor", claim.id, { version: claim.version + 1, status: "verified" })).status).toBe(
      403,
    );
    expect((await call("patch", "editor", claim.id, { version: claim.version + 1, status: "unreviewed" })).status).toBe(
      400,
    );
  });
});

describe("the second review", () => {
  it("needs a verdict, a 20-character rationale and a source to propose", async () => {
    const claim = await freshClaim();
    await call("patch", "reviewer1", claim.id, { version: claim.version, status: "in_progress" });
    const refused = await call("patch", "reviewer1", claim.id, {
      version: claim.version + 1,
      status: "awaiting_second_review",
      rationale: "Too short.",
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields as object).sort()).toEqual(["rationale", "sources", "verdict"]);
    const notAClaim = await call("patch", "reviewer1", claim.id, {
      version: claim.version + 1,
      status: "awaiting_second_review",
      verdict: "not_a_claim",
      rationale: "This sentence is an opinion, not a fact.",
    });
    expect(notAClaim.status).toBe(200);
    expect(notAClaim.body).toMatchObject({ status: "awaiting_second_review", proposedBy: { id: ids.reviewer1 } });
  });

  it("refuses the proposer's own approval (403), then verifies with another reviewer's, and records each step", async () => {
    const claim = await freshClaim();
    await addSource(claim.id);
    let version = claim.version;
    expect((await call("patch", "reviewer1", claim.id, { version, status: "in_progress" })).status).toBe(200);
    version++;
    const proposed = await call("patch", "reviewer1", claim.id, {
      version,
      status: "awaiting_second_review",
      verdict: "true",
      rationale: "UNICEF's 2024 humanitarian appeal gives the same figure.",
    });
    expect(proposed.status).toBe(200);
    version++;

    const own = await call("review", "reviewer1", claim.id, { version, decision: "approve" });
    expect(own.status).toBe(403);
    expect((await snapshot(claim.id))[0].status).toBe("awaiting_second_review");

    expect((await call("review", "reviewer2", claim.id, { version, decision: "send_back" })).status).toBe(400);
    const approved = await call("review", "reviewer2", claim.id, { version, decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "verified", verdict: "true", verifiedBy: { id: ids.reviewer2 } });

    const events = await database.prisma.claimEvent.findMany({
      where: { claimId: claim.id },
      orderBy: { id: "asc" },
      include: { actor: true },
    });
    expect(events.map((event) => [event.action, event.actor?.email])).toEqual([
      ["started", DEMO.reviewer1],
      ["proposed", DEMO.reviewer1],
      ["approved", DEMO.reviewer2],
    ]);
    expect(events[1]!.after).toMatchObject({ status: "awaiting_second_review", verdict: "true" });
    expect((await call("review", "reviewer2", claim.id, { version: version + 1, decision: "approve" })).status).toBe(
      403,
    );
  });

  it("sends back with a comment, which is on the record", async () => {
    const claim = await freshClaim();
    await call("patch", "reviewer1", claim.id, { version: claim.version, status: "in_progress" });
    await call("patch", "reviewer1", claim.id, {
      version: claim.version + 1,
      status: "awaiting_second_review",
      verdict: "not_a_claim",
      rationale: "Reads as commentary rather than fact.",
    });
    const sentBack = await call("review", "editor", claim.id, {
      version: claim.version + 2,
      decision: "send_back",
      comment: "It names a date: check it.",
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toMatchObject({ status: "in_progress", proposedBy: null });
    const event = await database.prisma.claimEvent.findFirstOrThrow({
      where: { claimId: claim.id, action: "sent_back" },
    });
    expect(event.after).toMatchObject({ comment: "It names a date: check it." });
  });
});

describe("the two-person rule", () => {
  const versionOf = async (claimId: number) =>
    (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
  const RATIONALE = "UNICEF's 2024 humanitarian appeal gives the same figure.";

  /** Taken and worked on by reviewer1, with a source, so it can be proposed. */
  async function claimOfReviewer1() {
    const claim = await freshClaim();
    await addSource(claim.id);
    expect(
      (await call("patch", "editor", claim.id, { version: claim.version, assigneeId: ids.reviewer1 })).status,
    ).toBe(200);
    expect(
      (await call("patch", "reviewer1", claim.id, { version: claim.version + 1, status: "in_progress" })).status,
    ).toBe(200);
    return claim.id;
  }
  const propose = async (claimId: number, fields: Record<string, string> = {}) =>
    expect(
      (
        await call("patch", "reviewer1", claimId, {
          version: await versionOf(claimId),
          status: "awaiting_second_review",
          ...fields,
        })
      ).status,
    ).toBe(200);
  const review = async (as: As, claimId: number, decision: "approve" | "send_back") =>
    call("review", as, claimId, {
      version: await versionOf(claimId),
      decision,
      ...(decision === "send_back" ? { comment: "Give the date of the appeal." } : {}),
    });

  it("refuses approval (403) by an editor who edited the verdict or its rationale, and stores nothing; another reviewer approves", async () => {
    const claimId = await claimOfReviewer1();
    const edited = await call("patch", "editor", claimId, {
      version: await versionOf(claimId),
      verdict: "mostly_true",
      rationale: RATIONALE,
    });
    expect(edited.status).toBe(200);
    await propose(claimId);
    const before = await snapshot(claimId);
    const refused = await review("editor", claimId, "approve");
    expect(refused).toEqual({
      status: 403,
      body: {
        error:
          "You wrote part of this verdict or its rationale: someone who did not must approve it. You can still send it back.",
      },
    });
    expect(await snapshot(claimId)).toEqual(before);
    expect((await review("reviewer2", claimId, "approve")).body).toMatchObject({
      status: "verified",
      verifiedBy: { id: ids.reviewer2 },
    });
  });

  it("refuses an editor who only changed the rationale, even after sending the claim back", async () => {
    const claimId = await claimOfReviewer1();
    await propose(claimId, { verdict: "true", rationale: RATIONALE });
    expect((await review("editor", claimId, "send_back")).status).toBe(200);
    expect(
      (
        await call("patch", "editor", claimId, {
          version: await versionOf(claimId),
          rationale: `${RATIONALE} Dated 5 June 2024.`,
        })
      ).status,
    ).toBe(200);
    await propose(claimId);
    expect((await review("editor", claimId, "approve")).status).toBe(403);
    expect((await review("admin", claimId, "approve")).status).toBe(200);
  });

  it("lets an editor who only assigned the claim and sent it back approve it", async () => {
    const claimId = await claimOfReviewer1();
    await propose(claimId, { verdict: "true", rationale: RATIONALE });
    expect((await review("editor", claimId, "send_back")).status).toBe(200);
    await propose(claimId, { rationale: `${RATIONALE} Dated 5 June 2024.` });
    expect((await review("editor", claimId, "approve")).body).toMatchObject({
      status: "verified",
      verifiedBy: { id: ids.editor },
    });
  });

  it("counts only what was written since the claim was last reopened", async () => {
    const claimId = await claimOfReviewer1();
    expect(
      (
        await call("patch", "editor", claimId, {
          version: await versionOf(claimId),
          verdict: "true",
          rationale: RATIONALE,
        })
      ).status,
    ).toBe(200);
    await propose(claimId);
    expect((await review("reviewer2", claimId, "approve")).status).toBe(200);
    expect(
      (
        await call("reopen", "editor", claimId, {
          version: await versionOf(claimId),
          reason: "UNICEF revised the figure in June.",
        })
      ).status,
    ).toBe(200);
    await propose(claimId, {
      verdict: "mostly_true",
      rationale: "The revised figure is 7.2 million, close to the one quoted.",
    });
    expect((await review("editor", claimId, "approve")).body).toMatchObject({
      status: "verified",
      verdict: "mostly_true",
    });
  });
});

describe("reopening and corrections", () => {
  it("only editors reopen a verified claim, with a reason, and the new verdict closes the correction", async () => {
    const claim = await freshClaim();
    await database.prisma.claim.update({
      where: { id: claim.id },
      data: {
        status: "verified",
        verdict: "true",
        rationale: "Checked against the source.",
        proposedById: ids.reviewer1,
      },
    });
    const version = claim.version;
    expect((await call("reopen", "reviewer1", claim.id, { version, reason: "The figure was revised." })).status).toBe(
      403,
    );
    expect((await call("reopen", "editor", claim.id, { version, reason: "short" })).status).toBe(400);
    expect((await call("patch", "editor", claim.id, { version, verdict: "false" })).status).toBe(403);
    const reopened = await call("reopen", "editor", claim.id, {
      version,
      reason: "UNICEF revised the figure in June.",
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: "in_progress",
      corrections: [{ previousVerdict: "true", resolvedAt: null }],
    });

    await call("patch", "editor", claim.id, {
      version: version + 1,
      verdict: "mostly_true",
      rationale: "The revised figure is 7.2 million, close.",
    });
    await addSource(claim.id);
    await call("patch", "editor", claim.id, { version: version + 2, status: "awaiting_second_review" });
    const approved = await call("review", "reviewer2", claim.id, { version: version + 3, decision: "approve" });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "verified",
      verdict: "mostly_true",
      corrections: [{ previousVerdict: "true", newVerdict: "mostly_true", resolvedAt: expect.any(String) }],
    });
    const actions = (
      await database.prisma.claimEvent.findMany({ where: { claimId: claim.id }, orderBy: { id: "asc" } })
    ).map((event) => event.action);
    expect(actions).toEqual(["reopened", "edited", "proposed", "correction_approved"]);
  });
});

describe("the answer to a change", () => {
  const get = (claimId: number) =>
    routes
      .get(apiRequest(`/api/claims/${claimId}`, { cookie: cookies.editor }), routeParams({ id: String(claimId) }))
      .then(responseJson);

  it("is the claim exactly as it is then stored, at every step of the workflow", async () => {
    const claim = await freshClaim();
    const historyBefore = ((await get(claim.id)).body.history as unknown[]).length;
    let version = claim.version;
    const steps: { as: As; json: Record<string, unknown> }[] = [
      { as: "reviewer1", json: { assigneeId: ids.reviewer1 } },
      { as: "reviewer1", json: { assigneeId: null } },
      { as: "reviewer1", json: { status: "in_progress" } },
      {
        as: "reviewer1",
        json: { verdict: "mostly_false", rationale: "The figure in the report is 7.1 million, not 8 million." },
      },
      { as: "reviewer1", json: { status: "awaiting_second_review" } },
      { as: "reviewer1", json: { status: "in_progress" } },
      { as: "editor", json: { assigneeId: ids.reviewer2 } },
      { as: "reviewer2", json: { rationale: "" } },
    ];
    for (const [index, step] of steps.entries()) {
      if (index === 4) await addSource(claim.id);
      const answer = await call("patch", step.as, claim.id, { version, ...step.json });
      expect(answer.status, JSON.stringify(step)).toBe(200);
      const stored = await get(claim.id);
      expect(answer.body, JSON.stringify(step)).toStrictEqual(stored.body);
      expect(answer.body.version).toBe(version + 1);
      version = answer.body.version as number;
    }
    expect(((await get(claim.id)).body.history as unknown[]).length).toBe(historyBefore + steps.length);
  });

  it("is the stored claim unchanged when the change sets what is already there", async () => {
    const claim = await freshClaim();
    const answer = await call("patch", "editor", claim.id, { version: claim.version, assigneeId: null });
    expect(answer.status).toBe(200);
    expect(answer.body).toStrictEqual((await get(claim.id)).body);
    expect(answer.body.version).toBe(claim.version);
  });
});

describe("no lost updates", () => {
  it("lets exactly one of many concurrent edits made from the same version win", async () => {
    const claim = await freshClaim();
    await call("patch", "editor", claim.id, { version: claim.version, status: "in_progress" });
    const seen = claim.version + 1;
    const editors = Array.from({ length: 16 }, (_, index) => ({
      as: index % 2 === 0 ? ("editor" as const) : ("admin" as const),
      rationale: `Concurrent rationale number ${index} from one stale version.`,
    }));
    const results = await Promise.all(
      editors.map((writer) =>
        call("patch", writer.as, claim.id, { version: seen, verdict: "mixed", rationale: writer.rationale }),
      ),
    );
    const winners = results.filter((result) => result.status === 200);
    const losers = results.filter((result) => result.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(editors.length - 1);
    const [stored, eventCount] = await snapshot(claim.id);
    expect(stored.version).toBe(seen + 1);
    expect(stored.rationale).toBe(winners[0]!.body.rationale);
    expect(eventCount).toBe(2);

    // Writers that reload and retry each win in turn: every accepted write is a new version in the history.
    let version = stored.version;
    for (const writer of editors.slice(0, 5)) {
      const retry = await call("patch", writer.as, claim.id, { version, rationale: `${writer.rationale} (retried)` });
      expect(retry.status).toBe(200);
      version++;
    }
    const events = await database.prisma.claimEvent.findMany({ where: { claimId: claim.id }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(7);
    expect((events.at(-1)!.after as { rationale: string }).rationale).toBe((await snapshot(claim.id))[0].rationale);
  });
});
