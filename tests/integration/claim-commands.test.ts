/**
 * The claim workflow's named commands (domains/claims/commands.ts), reached the two ways users reach
 * them: the claim page's workflow form, whose buttons run one command each, and PATCH /api/claims/:id,
 * which runs the commands a patch means as one change. Both must leave the same claim and the same one
 * history event, at one new version.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { IDLE_STATE } from "@/lib/action-state";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The Server Action reads its session from next/headers, which only Next provides: it answers the cookie set here.
const requestScope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestScope.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

type Person = "reviewer1" | "reviewer2" | "editor";

let database: TestDatabase;
let patchRoute: typeof import("@/app/api/claims/[id]/route").PATCH;
let updateClaimFromForm: typeof import("@/domains/claims/actions").updateClaimFromForm;
const cookies = {} as Record<Person, string>;
const ids = {} as Record<Person, string>;
let unusedClaims: number[] = [];

const RATIONALE = "Two agency reports give the same figure for the same year.";

beforeAll(async () => {
  database = await cloneSeededDatabase("claim_commands");
  process.env.DATABASE_URL = database.url;
  patchRoute = (await import("@/app/api/claims/[id]/route")).PATCH;
  updateClaimFromForm = (await import("@/domains/claims/actions")).updateClaimFromForm;
  for (const person of ["reviewer1", "reviewer2", "editor"] as const) {
    cookies[person] = await signInCookie(DEMO[person]);
    ids[person] = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO[person] } })).id;
  }
  unusedClaims = (await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (claim) => claim.id,
  );
});
afterAll(async () => {
  await database.drop();
});

interface Start {
  status: ReviewStatus;
  assignee?: Person;
  proposer?: Person;
  verdict?: Verdict;
  rationale?: string;
  withSource?: boolean;
}

/** An untouched seeded claim, put in the state a case starts from. */
async function claimIn(start: Start): Promise<number> {
  const id = unusedClaims.shift();
  if (id === undefined) throw new Error("The test ran out of seeded claims.");
  await database.prisma.claim.update({
    where: { id },
    data: {
      status: start.status,
      assigneeId: start.assignee ? ids[start.assignee] : null,
      proposedById: start.proposer ? ids[start.proposer] : null,
      proposedAt: start.proposer ? new Date() : null,
      verdict: start.verdict ?? "unrated",
      rationale: start.rationale ?? null,
      ...(start.withSource
        ? {
            sources: {
              create: {
                url: `https://example.org/evidence/${id}`,
                title: "Evidence",
                stance: "supports",
                addedById: ids.editor,
              },
            },
          }
        : {}),
    },
  });
  return id;
}

async function versionOf(claimId: number): Promise<number> {
  return (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

async function viaForm(as: Person, claimId: number, fields: Record<string, string>) {
  requestScope.headers = new Headers({ host: "localhost:3000", cookie: cookies[as] });
  const formData = new FormData();
  for (const [name, value] of Object.entries({
    claimId: String(claimId),
    version: String(await versionOf(claimId)),
    ...fields,
  }))
    formData.set(name, value);
  return updateClaimFromForm(IDLE_STATE, formData);
}

async function viaPatch(as: Person, claimId: number, json: Record<string, unknown>) {
  return responseJson(
    await patchRoute(
      apiRequest(`/api/claims/${claimId}`, {
        method: "PATCH",
        cookie: cookies[as],
        json: { version: await versionOf(claimId), ...json },
      }),
      routeParams({ id: String(claimId) }),
    ),
  );
}

/** What a change left: the claim's workflow columns, how far its version moved, and the events it wrote. */
async function outcome(claimId: number, versionBefore: number) {
  const claim = await database.prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      status: true,
      verdict: true,
      rationale: true,
      assigneeId: true,
      proposedById: true,
      version: true,
      events: { select: { action: true, actorId: true, before: true, after: true }, orderBy: { id: "asc" } },
    },
  });
  const { version, ...columns } = claim;
  return { ...columns, versionsMoved: version - versionBefore };
}

interface Case {
  intent: string;
  as: Person;
  start: Start;
  form?: Record<string, string>;
  patch: Record<string, unknown>;
  /** The one event both ways write, and what the claim holds after it. */
  event: string;
  after: Partial<Record<"status" | "verdict" | "rationale" | "assigneeId" | "proposedById", unknown>>;
}

const CASES: Case[] = [
  {
    intent: "take",
    as: "reviewer1",
    start: { status: "unreviewed" },
    patch: { assigneeId: "<reviewer1>" },
    event: "assigned",
    after: { status: "unreviewed", assigneeId: "<reviewer1>" },
  },
  {
    intent: "release",
    as: "reviewer1",
    start: { status: "in_progress", assignee: "reviewer1" },
    patch: { assigneeId: null },
    event: "assigned",
    after: { status: "in_progress", assigneeId: null },
  },
  {
    intent: "assign",
    as: "editor",
    start: { status: "in_progress", assignee: "reviewer1" },
    form: { assigneeId: "<reviewer2>" },
    patch: { assigneeId: "<reviewer2>" },
    event: "assigned",
    after: { assigneeId: "<reviewer2>" },
  },
  {
    intent: "start",
    as: "reviewer1",
    start: { status: "unreviewed" },
    patch: { status: "in_progress" },
    event: "started",
    after: { status: "in_progress", assigneeId: "<reviewer1>" },
  },
  {
    intent: "start",
    as: "editor",
    start: { status: "unreviewed" },
    patch: { status: "in_progress" },
    event: "started",
    after: { status: "in_progress", assigneeId: null },
  },
  {
    intent: "save",
    as: "reviewer1",
    start: { status: "unreviewed", assignee: "reviewer1" },
    form: { verdict: "false", rationale: RATIONALE },
    patch: { verdict: "false", rationale: RATIONALE },
    event: "edited",
    after: { status: "in_progress", verdict: "false", rationale: RATIONALE },
  },
  {
    intent: "save",
    as: "editor",
    start: { status: "in_progress", assignee: "reviewer1", verdict: "true", rationale: RATIONALE },
    form: { verdict: "true", rationale: "" },
    patch: { verdict: "true", rationale: "" },
    event: "edited",
    after: { status: "in_progress", verdict: "true", rationale: null },
  },
  {
    intent: "propose",
    as: "reviewer1",
    start: { status: "in_progress", assignee: "reviewer1", withSource: true },
    form: { verdict: "mostly_true", rationale: RATIONALE },
    patch: { verdict: "mostly_true", rationale: RATIONALE, status: "awaiting_second_review" },
    event: "proposed",
    after: { status: "awaiting_second_review", verdict: "mostly_true", proposedById: "<reviewer1>" },
  },
  {
    intent: "withdraw",
    as: "reviewer1",
    start: {
      status: "awaiting_second_review",
      assignee: "reviewer1",
      proposer: "reviewer1",
      verdict: "true",
      rationale: RATIONALE,
      withSource: true,
    },
    patch: { status: "in_progress" },
    event: "withdrawn",
    after: { status: "in_progress" },
  },
];

/** `<reviewer1>` in a case stands for that user's id. */
function withIds<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replace(/"<(reviewer1|reviewer2|editor)>"/g, (_, person: Person) =>
      JSON.stringify(ids[person]),
    ),
  ) as T;
}

describe("the workflow form and PATCH run the same commands", () => {
  it.each(CASES.map((testCase) => [`${testCase.intent} as ${testCase.as} from ${testCase.start.status}`, testCase]))(
    "%s: the same claim and one identical history event",
    async (_, testCase) => {
      const [formClaim, patchClaim] = [await claimIn(testCase.start), await claimIn(testCase.start)];
      const [formVersion, patchVersion] = [await versionOf(formClaim), await versionOf(patchClaim)];

      const state = await viaForm(testCase.as, formClaim, { intent: testCase.intent, ...withIds(testCase.form ?? {}) });
      expect(state).toMatchObject({ status: "success" });
      const answer = await viaPatch(testCase.as, patchClaim, withIds(testCase.patch));
      expect(answer.status).toBe(200);

      const byForm = await outcome(formClaim, formVersion);
      const byPatch = await outcome(patchClaim, patchVersion);
      expect(byForm).toEqual(byPatch);
      expect(byForm).toMatchObject({ ...withIds(testCase.after), versionsMoved: 1 });
      expect(byForm.events).toHaveLength(1);
      expect(byForm.events[0]).toMatchObject({ action: testCase.event, actorId: ids[testCase.as] });
      // The answer is the claim as stored, with the event it wrote.
      expect(answer.body).toMatchObject({ status: byPatch.status, version: patchVersion + 1 });
      expect((answer.body.assignee as { id: string } | null)?.id ?? null).toBe(byPatch.assigneeId);
      expect((answer.body.history as { action: string }[]).at(-1)).toMatchObject({ action: testCase.event });
    },
  );

  it("refuses the same way: a reviewer taking a claim someone else holds", async () => {
    const [formClaim, patchClaim] = [
      await claimIn({ status: "in_progress", assignee: "reviewer2" }),
      await claimIn({ status: "in_progress", assignee: "reviewer2" }),
    ];
    const message = "Reviewers can take an unassigned claim or release their own; editors assign claims.";
    expect(await viaForm("reviewer1", formClaim, { intent: "take" })).toMatchObject({ status: "error", message });
    expect(await viaPatch("reviewer1", patchClaim, { assigneeId: ids.reviewer1 })).toEqual({
      status: 403,
      body: { error: message },
    });
    for (const claimId of [formClaim, patchClaim]) expect((await outcome(claimId, 1)).events).toEqual([]);
  });
});

describe("a patch that names several commands is one change", () => {
  it("takes and starts in one event, recorded as the start", async () => {
    const claimId = await claimIn({ status: "unreviewed" });
    expect((await viaPatch("reviewer1", claimId, { assigneeId: ids.reviewer1, status: "in_progress" })).status).toBe(
      200,
    );
    expect(await outcome(claimId, 1)).toMatchObject({
      status: "in_progress",
      assigneeId: ids.reviewer1,
      versionsMoved: 1,
      events: [
        {
          action: "started",
          before: { status: "unreviewed", assigneeId: null },
          after: { status: "in_progress", assigneeId: ids.reviewer1 },
        },
      ],
    });
  });

  it("edits an unreviewed claim without starting it when the patch keeps it unreviewed", async () => {
    const claimId = await claimIn({ status: "unreviewed", assignee: "reviewer1" });
    expect((await viaPatch("reviewer1", claimId, { verdict: "false", status: "unreviewed" })).status).toBe(200);
    expect(await outcome(claimId, 1)).toMatchObject({
      status: "unreviewed",
      verdict: "false",
      versionsMoved: 1,
      events: [{ action: "edited", before: { verdict: "unrated" }, after: { verdict: "false" } }],
    });
  });

  it("a release and a start that takes the claim back leave it assigned, as the answer says", async () => {
    const claimId = await claimIn({ status: "unreviewed", assignee: "reviewer1" });
    const answer = await viaPatch("reviewer1", claimId, { assigneeId: null, status: "in_progress" });
    expect(answer.status).toBe(200);
    expect(answer.body.assignee).toEqual({ id: ids.reviewer1, name: expect.any(String) });
    expect(await outcome(claimId, 1)).toMatchObject({
      status: "in_progress",
      assigneeId: ids.reviewer1,
      versionsMoved: 1,
      events: [{ action: "started", before: { status: "unreviewed" }, after: { status: "in_progress" } }],
    });
  });

  it("checks the edit before the start: an unassigned reviewer is told to take the claim, and nothing is stored", async () => {
    const claimId = await claimIn({ status: "unreviewed" });
    expect(await viaPatch("reviewer1", claimId, { verdict: "false", status: "in_progress" })).toEqual({
      status: 403,
      body: { error: "Take the claim before you edit its verdict." },
    });
    expect(await outcome(claimId, 1)).toMatchObject({
      status: "unreviewed",
      assigneeId: null,
      versionsMoved: 0,
      events: [],
    });
  });

  it("cannot edit and propose an unreviewed claim in one step", async () => {
    const claimId = await claimIn({ status: "unreviewed", assignee: "reviewer1", withSource: true });
    expect(
      await viaPatch("reviewer1", claimId, { verdict: "true", rationale: RATIONALE, status: "awaiting_second_review" }),
    ).toEqual({
      status: 403,
      body: { error: "Only a claim in progress can be proposed for review; this one is unreviewed." },
    });
    expect(await outcome(claimId, 1)).toMatchObject({ status: "unreviewed", verdict: "unrated", events: [] });
  });
});
