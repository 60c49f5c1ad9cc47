import { toClaimReview } from "@/domains/publishing/claim-review";
import { getPublishedClaim } from "@/domains/publishing/data";
import { handleErrors, jsonError } from "@/lib/api";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

// Public: what a verified claim's fact-check says, as schema.org ClaimReview. Unverified claims do not exist here;
// a retracted one is gone (410), with when and why.
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  const claim = id === null ? null : await getPublishedClaim(id);
  if (!claim) return jsonError(404, "No published fact-check has this id.");
  if (claim.retractedAt) {
    const day = claim.retractedAt.toISOString().slice(0, 10);
    return jsonError(
      410,
      `This fact-check was retracted on ${day}: ${claim.retractionReason ?? "no reason was given"}`,
    );
  }
  return Response.json(toClaimReview(claim, publishingContext(claim.id)), {
    headers: { "content-type": "application/ld+json; charset=utf-8" },
  });
});
