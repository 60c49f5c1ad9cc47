/**
 * "Needs your review" (listReviewQueue) and the overview's counts (getClaimCounts), read after real
 * workflow changes: who sees which proposal, in which order, whether they may approve it, and which
 * verdicts count as settled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/domains/users/roles";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

type Person = "reviewer1" | "reviewer2" | "editor";

let database: TestDatabase;
let listReviewQueue: typeof import("@/domains/claims/queue-data").listReviewQueue;
let getClaimCounts: typeof import("@/domains/claims/data").getClaimCounts;
let updateClaim: typeof import("@/domains/claims/mutations").updateClaim;
const people = {} as Record<Person, CurrentUser>;
/** Claims in the order they were proposed. */
let proposedByReviewer1: number;
let proposedByEditor: number;
let draft: number;

const RATIONALE = "Two agency reports give the same figure for the same year.";

/** Takes an untouched claim as `writer`, starts it with a verdict and a source. */
async function draftClaim(claimId: number, writer: Person, verdict: "true" | "mostly_false") {
  await database.prisma.source.create({
    data: {
      claimId,
      url: `https://example.org/evidence/${claimId}`,
      title: "Evidence",
      stance: "supports",
      addedById: people[writer].id,
    },
  });
  const version = (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).version;
  return updateClaim(people[writer], claimId, {
    version,
    assigneeId: people[writer].id,
    status: "in_progress",
    verdict,
    rationale: RATIONALE,
  });
}

async function propose(claimId: number, proposer: Person) {
  const version = (await database.prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).version;
  await updateClaim(people[proposer], claimId, { version, status: "awaiting_second_review" });
}

beforeAll(async () => {
  database = await cloneSeededDatabase("review_queue");
  process.env.DATABASE_URL = database.url;
  ({ listReviewQueue } = await import("@/domains/claims/queue-data"));
  ({ getClaimCounts } = await import("@/domains/claims/data"));
  ({ updateClaim } = await import("@/domains/claims/mutations"));
  for (const person of ["reviewer1", "reviewer2", "editor"] as const) {
    const user = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO[person] } });
    people[person] = { id: user.id, name: user.name, email: user.email, role: user.role };
  }
  const [first = 0, second = 0, third] = (
    await database.prisma.claim.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 3 })
  ).map((claim) => claim.id);
  if (third === undefined) throw new Error("The seed has fewer than three claims.");

  // reviewer1 writes and proposes the first; reviewer2 drafts the second and an editor (who may work
  // on any claim) proposes it, so reviewer2 co-wrote a verdict they did not propose; the third stays a draft.
  await draftClaim(first, "reviewer1", "true");
  await propose(first, "reviewer1");
  await draftClaim(second, "reviewer2", "mostly_false");
  await propose(second, "editor");
  await draftClaim(third, "reviewer1", "true");
  [proposedByReviewer1, proposedByEditor, draft] = [first, second, third];
});
afterAll(async () => {
  await database.drop();
});

const listed = (queue: Awaited<ReturnType<typeof listReviewQueue>>) => queue.items.map((item) => item.id);

describe("Needs your review", () => {
  it("lists every proposal but the viewer's own, the oldest first, with its proposer", async () => {
    const forReviewer2 = await listReviewQueue(people.reviewer2);
    expect(listed(forReviewer2)).toEqual([proposedByReviewer1, proposedByEditor]);
    expect(forReviewer2.total).toBe(2);
    expect(forReviewer2.items[0]).toMatchObject({
      status: "awaiting_second_review",
      verdict: "true",
      proposedBy: { id: people.reviewer1.id, name: people.reviewer1.name },
      proposedAt: expect.any(Date),
    });
    const waitingSince = forReviewer2.items.map((item) => item.proposedAt.getTime());
    expect(waitingSince).toEqual([...waitingSince].sort((a, b) => a - b));

    const forReviewer1 = await listReviewQueue(people.reviewer1);
    expect(listed(forReviewer1)).toEqual([proposedByEditor]);
    expect(forReviewer1.total).toBe(1);
    const forEditor = await listReviewQueue(people.editor);
    expect(listed(forEditor)).toEqual([proposedByReviewer1]);
    expect(listed(forEditor)).not.toContain(draft);
  });

  it("lists a verdict the viewer co-wrote, since they may send it back, but says they cannot approve it", async () => {
    const forReviewer2 = await listReviewQueue(people.reviewer2);
    const coWritten = forReviewer2.items.find((item) => item.id === proposedByEditor);
    expect(coWritten?.approve).toEqual({
      allowed: false,
      reason: expect.stringContaining("You can still send it back"),
    });
    expect(forReviewer2.items.find((item) => item.id === proposedByReviewer1)?.approve).toEqual({ allowed: true });
    expect((await listReviewQueue(people.reviewer1)).items.map((item) => item.approve)).toEqual([{ allowed: true }]);
  });

  it("lists at most the limit asked for and still counts them all", async () => {
    const firstOnly = await listReviewQueue(people.reviewer2, 1);
    expect(listed(firstOnly)).toEqual([proposedByReviewer1]);
    expect(firstOnly.total).toBe(2);
  });
});

describe("the overview's counts", () => {
  it("count a verdict as the claim's verdict only once verified; proposed and draft ones apart", async () => {
    const counts = await getClaimCounts();
    expect(counts.byVerdict.true).toEqual({ settled: 0, proposed: 1, draft: 1 });
    expect(counts.byVerdict.mostly_false).toEqual({ settled: 0, proposed: 1, draft: 0 });
    expect(counts.byStatus.awaiting_second_review).toBe(2);
    expect(counts.unrated).toBe(counts.total - 3);

    const version = (await database.prisma.claim.findUniqueOrThrow({ where: { id: proposedByReviewer1 } })).version;
    const { reviewClaim } = await import("@/domains/claims/mutations");
    await reviewClaim(people.reviewer2, proposedByReviewer1, { version, decision: "approve" });
    expect((await getClaimCounts()).byVerdict.true).toEqual({ settled: 1, proposed: 0, draft: 1 });
    expect(listed(await listReviewQueue(people.reviewer2))).toEqual([proposedByEditor]);
  });
});
