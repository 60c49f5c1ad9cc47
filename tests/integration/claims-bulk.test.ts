/**
 * Bulk changes of claims (POST /api/claims/bulk and the claims list's bulk bar): each claim gets the
 * change, version and history event it would get one at a time (PATCH /api/claims/:id), and a bulk
 * change applies whole or not at all: a stale version, a refusal or a bad request leaves every claim
 * and its history as it was.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IDLE_STATE } from "@/lib/action-state";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The Server Action reads its session from next/headers, which only Next provides: it answers the cookie set here.
const requestScope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestScope.headers }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

type Person = "reviewer1" | "reviewer2" | "editor";

let database: TestDatabase;
let bulkRoute: typeof import("@/app/api/claims/bulk/route").POST;
let patchRoute: typeof import("@/app/api/claims/[id]/route").PATCH;
let bulkChangeClaimsFromForm: typeof import("@/domains/claims/actions").bulkChangeClaimsFromForm;
const cookies = {} as Record<Person, string>;
const people = {} as Record<Person, { id: string; name: string }>;
let unusedClaims: number[] = [];

beforeAll(async () => {
  database = await cloneSeededDatabase("claims_bulk");
  process.env.DATABASE_URL = database.url;
  bulkRoute = (await import("@/app/api/claims/bulk/route")).POST;
  patchRoute = (await import("@/app/api/claims/[id]/route")).PATCH;
  bulkChangeClaimsFromForm = (await import("@/domains/claims/actions")).bulkChangeClaimsFromForm;
  for (const person of ["reviewer1", "reviewer2", "editor"] as const) {
    cookies[person] = await signInCookie(DEMO[person]);
    people[person] = await database.prisma.user.findUniqueOrThrow({
      where: { email: DEMO[person] },
      select: { id: true, name: true },
    });
  }
  unusedClaims = (await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (claim) => claim.id,
  );
});
afterAll(async () => {
  await database.drop();
});

/** Untouched seeded claims, assigned to `assignee` (or nobody), in progress. */
async function claims(count: number, assignee: Person | null = null): Promise<number[]> {
  const taken = unusedClaims.splice(0, count);
  if (taken.length < count) throw new Error("The test ran out of seeded claims.");
  await database.prisma.claim.updateMany({
    where: { id: { in: taken } },
    data: { status: "in_progress", assigneeId: assignee ? people[assignee].id : null, topic: "Economy" },
  });
  return taken;
}

async function itemsOf(ids: readonly number[]): Promise<{ id: number; version: number }[]> {
  return database.prisma.claim.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
}

async function viaBulk(as: Person, json: unknown) {
  const request = apiRequest("/api/claims/bulk", { method: "POST", cookie: cookies[as], json });
  return responseJson(await bulkRoute(request, routeParams({})));
}

async function viaPatch(as: Person, claimId: number, changes: Record<string, unknown>) {
  const version = (await itemsOf([claimId]))[0]?.version;
  const request = apiRequest(`/api/claims/${claimId}`, {
    method: "PATCH",
    cookie: cookies[as],
    json: { version, ...changes },
  });
  return responseJson(await patchRoute(request, routeParams({ id: String(claimId) })));
}

async function viaForm(as: Person, fields: Record<string, string>) {
  requestScope.headers = new Headers({ host: "localhost:3000", cookie: cookies[as] });
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return bulkChangeClaimsFromForm(IDLE_STATE, formData);
}

/** The form's checkboxes for these claims, as the list renders them. */
async function checkboxesOf(ids: readonly number[]): Promise<Record<string, string>> {
  return Object.fromEntries((await itemsOf(ids)).map(({ id, version }) => [`claim-${id}`, `${id}:${version}`]));
}

/** What a change leaves of a claim: its columns, its version, and its history without ids and times. */
async function stored(ids: readonly number[]) {
  return database.prisma.claim.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      status: true,
      assigneeId: true,
      topic: true,
      version: true,
      events: { select: { action: true, actorId: true, before: true, after: true }, orderBy: { id: "asc" } },
    },
    orderBy: { id: "asc" },
  });
}

/** A claim's stored state without its id, to compare claims changed two ways. */
async function storedWithoutIds(ids: readonly number[]) {
  return (await stored(ids)).map(({ id, ...rest }) => rest);
}

describe("a bulk change is each claim's change, as one at a time", () => {
  it("assigns three claims: three versions bumped, three events identical to PATCH's", async () => {
    const [bulkClaims, oneByOne] = [await claims(3, "reviewer2"), await claims(3, "reviewer2")];
    const answer = await viaBulk("editor", {
      action: "assign",
      items: await itemsOf(bulkClaims),
      assigneeId: people.reviewer1.id,
    });
    for (const id of oneByOne) {
      expect((await viaPatch("editor", id, { assigneeId: people.reviewer1.id })).status).toBe(200);
    }

    expect(answer.status).toBe(200);
    const after = await stored(bulkClaims);
    expect(answer.body.claims).toEqual(
      after.map(({ id, version }) => ({ id, version, changed: true, assignee: people.reviewer1, topic: "Economy" })),
    );
    expect(await storedWithoutIds(bulkClaims)).toEqual(await storedWithoutIds(oneByOne));
    for (const claim of after) {
      expect(claim).toMatchObject({ version: 2, assigneeId: people.reviewer1.id });
      expect(claim.events).toEqual([
        {
          action: "assigned",
          actorId: people.editor.id,
          before: { assigneeId: people.reviewer2.id },
          after: { assigneeId: people.reviewer1.id },
        },
      ]);
    }
  });

  it("releases claims as PATCH with a null assignee does; an unassigned one is no change", async () => {
    const [bulkClaims, oneByOne] = [await claims(2, "reviewer1"), await claims(2, "reviewer1")];
    const [alreadyFree] = await claims(1);
    const answer = await viaBulk("editor", { action: "release", items: await itemsOf([...bulkClaims, alreadyFree!]) });
    for (const id of oneByOne) expect((await viaPatch("editor", id, { assigneeId: null })).status).toBe(200);

    expect(answer.status).toBe(200);
    expect(await storedWithoutIds(bulkClaims)).toEqual(await storedWithoutIds(oneByOne));
    expect((await stored(bulkClaims)).map((claim) => claim.events)).toEqual([
      [
        {
          action: "assigned",
          actorId: people.editor.id,
          before: { assigneeId: people.reviewer1.id },
          after: { assigneeId: null },
        },
      ],
      [
        {
          action: "assigned",
          actorId: people.editor.id,
          before: { assigneeId: people.reviewer1.id },
          after: { assigneeId: null },
        },
      ],
    ]);
    expect(await stored([alreadyFree!])).toMatchObject([{ version: 1, events: [] }]);
    expect(answer.body.claims).toContainEqual({
      id: alreadyFree,
      version: 1,
      changed: false,
      assignee: null,
      topic: "Economy",
    });
  });

  it("sets the topic, with a topic_changed event; a claim already under it is no change", async () => {
    const ids = await claims(3);
    await database.prisma.claim.update({ where: { id: ids[2] }, data: { topic: "Health" } });
    const answer = await viaBulk("editor", { action: "set_topic", items: await itemsOf(ids), topic: "  Health " });

    expect(answer.status).toBe(200);
    const after = await stored(ids);
    expect(after.map((claim) => [claim.topic, claim.version])).toEqual([
      ["Health", 2],
      ["Health", 2],
      ["Health", 1],
    ]);
    expect(after.map((claim) => claim.events)).toEqual([
      [
        {
          action: "topic_changed",
          actorId: people.editor.id,
          before: { topic: "Economy" },
          after: { topic: "Health" },
        },
      ],
      [
        {
          action: "topic_changed",
          actorId: people.editor.id,
          before: { topic: "Economy" },
          after: { topic: "Health" },
        },
      ],
      [],
    ]);
  });
});

describe("all or nothing", () => {
  it("one stale version: a 409 naming that claim with its version now, and nothing stored", async () => {
    const ids = await claims(3);
    const items = await itemsOf(ids);
    await viaPatch("reviewer2", ids[1]!, { assigneeId: people.reviewer2.id });
    const before = await stored(ids);

    const answer = await viaBulk("editor", { action: "assign", items, assigneeId: people.reviewer1.id });

    expect(answer).toEqual({
      status: 409,
      body: {
        error: `Claim #${ids[1]} changed since you loaded it; nothing was saved. Check the claims as they are now and try again.`,
        conflicts: [{ id: ids[1], version: 2 }],
      },
    });
    expect(await stored(ids)).toEqual(before);
  });

  it("a claim the rules refuse: nothing stored; a reviewer may not change claims in bulk", async () => {
    const ids = await claims(2, "reviewer1");
    const before = await stored(ids);
    expect(await viaBulk("reviewer1", { action: "release", items: await itemsOf(ids) })).toEqual({
      status: 403,
      body: { error: "Only editors and admins change claims in bulk." },
    });
    expect(
      await viaBulk("reviewer2", { action: "assign", items: await itemsOf(ids), assigneeId: people.reviewer2.id }),
    ).toMatchObject({ status: 403 });
    expect(await stored(ids)).toEqual(before);
  });

  it("an inactive assignee: a 400 on the assignee, and nothing stored", async () => {
    const ids = await claims(2);
    const dana = await database.prisma.user.create({
      data: { email: "dana.bulk@example.org", name: "Dana Gone", role: "reviewer", active: false },
    });
    const before = await stored(ids);
    expect(await viaBulk("editor", { action: "assign", items: await itemsOf(ids), assigneeId: dana.id })).toEqual({
      status: 400,
      body: { error: "Choose an active user.", fields: { assigneeId: ["No active user has this id."] } },
    });
    expect(await stored(ids)).toEqual(before);
  });

  it("two bulk changes over the same claims in opposite orders: one applies, the other is a 409, no deadlock", async () => {
    const ids = await claims(4);
    const items = await itemsOf(ids);
    const answers = await Promise.all([
      viaBulk("editor", { action: "assign", items, assigneeId: people.reviewer1.id }),
      viaBulk("editor", { action: "assign", items: [...items].reverse(), assigneeId: people.reviewer2.id }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = answers[0]!.status === 200 ? people.reviewer1.id : people.reviewer2.id;
    expect((await stored(ids)).map((claim) => [claim.assigneeId, claim.version, claim.events.length])).toEqual(
      ids.map(() => [winner, 2, 1]),
    );
  });
});

describe("what a bulk change refuses before it reads a claim", () => {
  it.each([
    ["no action", { items: [{ id: 1, version: 1 }] }, { action: ["Must be assign, release or set_topic."] }],
    ["no claim", { action: "release", items: [] }, { items: ["Select at least one claim."] }],
    [
      "a claim twice",
      {
        action: "release",
        items: [
          { id: 1, version: 1 },
          { id: 1, version: 2 },
        ],
      },
      { items: ["Claim #1 is listed twice: list each once."] },
    ],
    [
      "more than 100 claims",
      { action: "release", items: Array.from({ length: 101 }, (_, index) => ({ id: index + 1, version: 1 })) },
      { items: ["At most 100 claims at once."] },
    ],
    [
      "an assignment to nobody named",
      { action: "assign", items: [{ id: 1, version: 1 }] },
      { assigneeId: expect.any(Array) },
    ],
    [
      "a blank topic",
      { action: "set_topic", items: [{ id: 1, version: 1 }], topic: " " },
      { topic: ["Give a topic."] },
    ],
    [
      "a field another action takes",
      { action: "release", items: [{ id: 1, version: 1 }], topic: "Health" },
      { _: ["Unknown field(s): topic."] },
    ],
  ])("%s: a 400 naming the field", async (_case, json, fields) => {
    expect(await viaBulk("editor", json)).toEqual({
      status: 400,
      body: { error: "Invalid bulk change.", fields },
    });
  });

  it("a claim id that names no claim: a 400 naming it, and nothing stored", async () => {
    const ids = await claims(1);
    const before = await stored(ids);
    const answer = await viaBulk("editor", {
      action: "release",
      items: [...(await itemsOf(ids)), { id: 999_999, version: 1 }],
    });
    expect(answer).toEqual({
      status: 400,
      body: { error: "Some of the claims sent do not exist.", fields: { items: ["No claim has the id 999999."] } },
    });
    expect(await stored(ids)).toEqual(before);
  });
});

describe("the claims list's bulk bar", () => {
  it("assigns the checked claims, and says to whom", async () => {
    const ids = await claims(2);
    const outcome = await viaForm("editor", {
      ...(await checkboxesOf(ids)),
      action: "assign",
      assigneeId: people.reviewer1.id,
      topic: "",
    });
    expect(outcome).toMatchObject({ status: "success", message: "2 claims assigned to Rita Reviewer." });
    expect((await stored(ids)).map((claim) => claim.assigneeId)).toEqual([people.reviewer1.id, people.reviewer1.id]);
  });

  it("names the claims that changed since the list was loaded, and stores nothing", async () => {
    const ids = await claims(3);
    const checkboxes = await checkboxesOf(ids);
    await viaPatch("editor", ids[0]!, { assigneeId: people.reviewer2.id });
    await viaPatch("editor", ids[2]!, { assigneeId: people.reviewer2.id });
    const before = await stored(ids);
    const outcome = await viaForm("editor", { ...checkboxes, action: "set_topic", assigneeId: "", topic: "Health" });
    expect(outcome).toMatchObject({
      status: "error",
      message: `Claims #${ids[0]} and #${ids[2]} changed since you loaded them; nothing was saved. Check the claims as they are now and try again.`,
    });
    expect(await stored(ids)).toEqual(before);
  });

  it("asks for a selection and for the field the button needs", async () => {
    expect(await viaForm("editor", { action: "release", assigneeId: "", topic: "" })).toMatchObject({
      status: "error",
      fields: { items: ["Select at least one claim."] },
    });
    const ids = await claims(1);
    expect(
      await viaForm("editor", { ...(await checkboxesOf(ids)), action: "assign", assigneeId: "", topic: "" }),
    ).toMatchObject({ status: "error", fields: { assigneeId: ["Choose whom to assign the claims to."] } });
  });
});
