import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import type { Decision } from "@/lib/permission";
import { REVIEW_STATUSES } from "./labels";
import { mayApprove, maySendBack } from "./rules";
import { verdictWritersOf } from "./verdict-writers-data";

export interface QueueItem {
  id: number;
  statement: string;
  status: ReviewStatus;
  verdict: Verdict;
}

export interface QueueGroup {
  status: ReviewStatus;
  items: QueueItem[];
}

export interface Queue {
  total: number;
  /** One group per status, in workflow order, empty ones included. */
  groups: QueueGroup[];
}

/** The claims assigned to a user, grouped by status, in article order within each group: one query. */
export async function listQueue(userId: string): Promise<Queue> {
  const claims = await db().claim.findMany({
    where: { assigneeId: userId },
    select: { id: true, statement: true, status: true, verdict: true },
    orderBy: [{ articleId: "asc" }, { startOffset: "asc" }, { id: "asc" }],
  });
  return {
    total: claims.length,
    groups: REVIEW_STATUSES.map((status) => ({ status, items: claims.filter((claim) => claim.status === status) })),
  };
}

/** How many claims "Needs your review" lists at most; the count says how many wait in all. */
export const REVIEW_QUEUE_LIMIT = 20;

export interface ReviewQueueItem {
  id: number;
  statement: string;
  status: ReviewStatus;
  verdict: Verdict;
  proposedAt: Date;
  proposedBy: { id: string; name: string } | null;
  /** The viewer may always send it back; approving it is refused to anyone who wrote part of the verdict. */
  approve: Decision;
}

export interface ReviewQueue {
  /** Every claim awaiting the viewer's review, beyond the ones listed too. */
  total: number;
  /** The oldest proposals first, at most the limit asked for. */
  items: ReviewQueueItem[];
}

/**
 * The claims awaiting a second review that the viewer may review: every proposal but their own
 * (maySendBack's rule, which the query states and each row is held to), the oldest first, with whether
 * they may also approve it (mayApprove, from who wrote the verdict). Three statements, each bounded:
 * the page of claims and the count walk the (status, proposedAt, id, proposedById) index, and the
 * writers are read for the listed claims only.
 */
export async function listReviewQueue(viewer: CurrentUser, limit = REVIEW_QUEUE_LIMIT): Promise<ReviewQueue> {
  const where = { status: "awaiting_second_review", proposedById: { not: viewer.id } } as const;
  const [claims, total] = await Promise.all([
    db().claim.findMany({
      where,
      select: {
        id: true,
        statement: true,
        status: true,
        verdict: true,
        assigneeId: true,
        proposedAt: true,
        proposedBy: { select: { id: true, name: true } },
      },
      orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
      take: limit,
    }),
    db().claim.count({ where }),
  ]);
  const writers = await verdictWritersOf(
    db(),
    claims.map((claim) => claim.id),
  );
  const items = claims.flatMap(({ assigneeId, proposedAt, proposedBy, ...claim }): ReviewQueueItem[] => {
    const facts = {
      status: claim.status,
      assigneeId,
      proposedById: proposedBy?.id ?? null,
      verdictWriterIds: writers.get(claim.id),
    };
    if (!maySendBack(viewer, facts).allowed || proposedAt === null) return [];
    return [{ ...claim, proposedAt, proposedBy, approve: mayApprove(viewer, facts) }];
  });
  return { total, items };
}
