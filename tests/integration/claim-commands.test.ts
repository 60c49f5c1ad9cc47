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
  const values = { claimId: String(claimId), version: String(await versionOf(claimId)), ...fields };
  for (const [name, value] of Object.entries(values)) formData.set(name, value);
  return updateClaimFromForm(IDLE_STATE, formData);
}

async function viaPatch(as: Person, claimId: number, changes: Record<string, unknown>) {
  const json = { version: await versionOf(claimId), ...changes };
  const request = apiRequest(`/api/claims/${claimId}`, { method: "PATCH", cookie: cookies[as], json });
  return responseJson(await patchRoute(request, routeParams({ id: String(claimId) })));
}

const COLUMNS = { status: true, verdict: true, rationale: true, assigneeId: true, proposedById: true } as const;
const EVENT_FIELDS = { action: true, actorId: true, before: true, after: true } as const;

/** What a change left: the claim's workflow columns, how far its version moved, and the events it wrote. */
async function outcome(claimId: number, versionBefore: number) {
  const { version, ...claim } = await database.prisma.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { ...COLUMNS, version: true, events: { select: EVENT_FIELDS, orderBy: { id: "asc" } } },
  });
  return { ...claim, versionsMoved: version - versionBefore };
}

const NEW: Start = { status: "unreviewed" };
const MINE_NEW: Start = { status: "unreviewed", assignee: "reviewer1" };
const MINE: Start = { status: "in_progress", assignee: "reviewer1" };
const MINE_DRAFTED: Start = { ...MINE, verdict: "true", rationale: RATIONALE };
const MINE_SOURCED: Start = { ...MINE, withSource: true };
const PROPOSED = "awaiting_second_review";
const MINE_PROPOSED: Start = { ...MINE_DRAFTED, status: PROPOSED, proposer: "reviewer1", withSource: true };

/**
 * A button of the workflow form, who presses it on a claim in which state, the PATCH it stands for
 * (the form sends the patch's text fields, and the button says the rest), the one event both write, and
 * what the claim then holds besides what the patch set.
 */
type Case = [intent: string, as: Person, from: Start, patch: Record<string, unknown>, event: string, holds?: object];

const CASES: Case[] = [
  ["take", "reviewer1", NEW, { assigneeId: "<reviewer1>" }, "assigned"],
  ["release", "reviewer1", MINE, { assigneeId: null }, "assigned"],
  ["assign", "editor", MINE, { assigneeId: "<reviewer2>" }, "assigned"],
  ["start", "reviewer1", NEW, { status: "in_progress" }, "started", { assigneeId: "<reviewer1>" }],
  ["start", "editor", NEW, { status: "in_progress" }, "started", { assigneeId: null }],
  ["take_and_start", "editor", NEW, { assigneeId: "<editor>", status: "in_progress" }, "started"],
  ["save", "reviewer1", MINE_NEW, { verdict: "false", rationale: RATIONALE }, "edited", { status: "in_progress" }],
  ["save", "editor", MINE_DRAFTED, { verdict: "false", rationale: "" }, "edited", { rationale: null }],
  ["propose", "reviewer1", MINE_SOURCED, { verdict: "true", rationale: RATIONALE, status: PROPOSED }, "proposed"],
  ["withdraw", "reviewer1", MINE_PROPOSED, { status: "in_progress" }, "withdrawn"],
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
  it.each(CASES)(
    "%s as %s: the same claim and one identical history event",
    async (intent, as, from, patch, event, holds) => {
      const [formClaim, patchClaim] = [await claimIn(from), await claimIn(from)];
      const [formVersion, patchVersion] = [await versionOf(formClaim), await versionOf(patchClaim)];
      const formFields = Object.entries(withIds(patch)).filter(
        ([name, value]) => name !== "status" && typeof value === "string",
      );

      expect(await viaForm(as, formClaim, { intent, ...Object.fromEntries(formFields) })).toMatchObject({
        status: "success",
      });
      const answer = await viaPatch(as, patchClaim, withIds(patch));
      expect(answer.status).toBe(200);

      const byForm = await outcome(formClaim, formVersion);
      const byPatch = await outcome(patchClaim, patchVersion);
      expect(byForm).toEqual(byPatch);
      expect(byForm).toMatchObject({ ...withIds({ ...patch, ...holds }), versionsMoved: 1 });
      expect(byForm.events).toMatchObject([{ action: event, actorId: ids[as] }]);
      // The answer is the claim as stored, with the event it wrote.
      expect(answer.body).toMatchObject({ status: byPatch.status, version: patchVersion + 1 });
      expect((answer.body.assignee as { id: string } | null)?.id ?? null).toBe(byPatch.assigneeId);
      expect((answer.body.history as { action: string }[]).at(-1)).toMatchObject({ action: event });
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
