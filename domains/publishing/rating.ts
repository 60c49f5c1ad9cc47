import type { Verdict } from "@/lib/generated/prisma/enums";

/**
 * ClaimReview ratings on a 1 (worst) to 5 (best) scale. "Misleading" is rated with "mostly false":
 * the facts may be right but the claim leaves a false impression. "Unverifiable" and "not a claim"
 * say nothing about truth, so they carry no number, only their label.
 */
export const VERDICT_RATINGS: Record<Exclude<Verdict, "unrated">, number | null> = {
  true: 5,
  mostly_true: 4,
  mixed: 3,
  mostly_false: 2,
  misleading: 2,
  false: 1,
  unverifiable: null,
  not_a_claim: null,
};

export const BEST_RATING = 5;
export const WORST_RATING = 1;
