import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_RATIONALE_LENGTH } from "@/domains/claims/limits";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The proposal rule "a rationale of at least 20 characters" on both sides of its boundary, with and
// without padding (what counts is the trimmed text): a rule moved by one character fails here.
let database: TestDatabase;
let cookie: string;
let reviewerId: string;
let patch: typeof import("@/app/api/claims/[id]/route").PATCH;

beforeAll(async () => {
  database = await cloneSeededDatabase("rationale");
  process.env.DATABASE_URL = database.url;
  patch = (await import("@/app/api/claims/[id]/route")).PATCH;
  cookie = await signInCookie(DEMO.reviewer1);
  reviewerId = (await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } })).id;
});
afterAll(async () => {
  await database.drop();
});

/** An unproposed claim of reviewer1's, in progress, with a verdict and a source: only the rationale decides. */
async function claimReadyToPropose() {
  const claim = await database.prisma.claim.findFirstOrThrow({
    where: { status: "unreviewed", assigneeId: null, sources: { none: {} } },
    orderBy: { id: "asc" },
  });
  await database.prisma.source.create({
    data: {
      claimId: claim.id,
      url: `https://example.org/report-${claim.id}`,
      title: "A report",
      stance: "supports",
      addedById: reviewerId,
    },
  });
  return database.prisma.claim.update({
    where: { id: claim.id },
    data: { status: "in_progress", assigneeId: reviewerId, verdict: "false", version: { increment: 1 } },
  });
}

async function propose(rationale: string) {
  const claim = await claimReadyToPropose();
  const json = { version: claim.version, status: "awaiting_second_review", rationale };
  const response = await patch(
    apiRequest(`/api/claims/${claim.id}`, { method: "PATCH", cookie, json }),
    routeParams({ id: String(claim.id) }),
  );
  const stored = await database.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
  return { ...(await responseJson(response)), before: claim, stored };
}

const text = (length: number) => "The figure is wrong.".padEnd(length, "x").slice(0, length);

describe(`a proposal's rationale needs ${MIN_RATIONALE_LENGTH} characters after trimming`, () => {
  it("is 20 characters", () => {
    expect(MIN_RATIONALE_LENGTH).toBe(20);
  });

  for (const [label, rationale] of [
    ["19 characters", text(19)],
    ["19 characters padded with spaces and line breaks to 27", `  \n${text(19)}\t  \n `],
  ] as const) {
    it(`refuses ${label} with 400 on the rationale field, storing nothing`, async () => {
      const { status, body, before, stored } = await propose(rationale);
      expect(status).toBe(400);
      expect(Object.keys(body.fields as object)).toEqual(["rationale"]);
      expect(stored).toEqual(before);
    });
  }

  for (const [label, rationale] of [
    ["20 characters", text(20)],
    ["20 characters padded with spaces", `   ${text(20)}   `],
  ] as const) {
    it(`accepts ${label}`, async () => {
      const { status, stored } = await propose(rationale);
      expect(status).toBe(200);
      expect(stored.status).toBe("awaiting_second_review");
    });
  }
});
