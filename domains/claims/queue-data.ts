import "server-only";
import { db } from "@/lib/db";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { REVIEW_STATUSES } from "./labels";

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
