import type { Metadata } from "next";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import type { PublishedClaim } from "./data";

/** The head of a fact-check's public page: title and description (share cards and links to come from here too). */
export function factCheckMetadata(claim: PublishedClaim): Metadata {
  return {
    title: `Fact-check: ${claim.statement}`,
    description: `${VERDICT_LABELS[claim.verdict]}. ${claim.rationale ?? ""}`.trim(),
  };
}
