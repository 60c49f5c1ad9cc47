import { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";

export const REVIEW_STATUSES = Object.values(ReviewStatus);
export const VERDICTS = Object.values(Verdict);

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  unreviewed: "Unreviewed",
  in_progress: "In progress",
  awaiting_second_review: "Awaiting second review",
  verified: "Verified",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  unrated: "Unrated",
  true: "True",
  mostly_true: "Mostly true",
  mixed: "Mixed",
  mostly_false: "Mostly false",
  false: "False",
  misleading: "Misleading",
  unverifiable: "Unverifiable",
  not_a_claim: "Not a claim",
};

export const CLAIM_SORTS = ["position", "recent", "status", "verdict"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export const SORT_LABELS: Record<ClaimSort, string> = {
  position: "Order in article",
  recent: "Recently changed",
  status: "Review status",
  verdict: "Verdict",
};
