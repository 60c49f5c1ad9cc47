import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";

/**
 * How far a claim's verdict has come: settled once a second reviewer approved it, proposed while it
 * waits for that review, a draft while the claim is worked on with a verdict chosen, none while it is
 * unrated. Lists and counts show only a settled verdict as the claim's verdict. Pure and client-safe.
 */
export type VerdictStage = "settled" | "proposed" | "draft" | "none";

export function verdictStage(claim: { status: ReviewStatus; verdict: Verdict }): VerdictStage {
  if (claim.verdict === "unrated") return "none";
  switch (claim.status) {
    case "verified":
      return "settled";
    case "awaiting_second_review":
      return "proposed";
    case "unreviewed":
    case "in_progress":
      return "draft";
  }
}
