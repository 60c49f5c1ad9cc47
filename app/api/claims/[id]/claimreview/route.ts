import { toClaimReview } from "@/domains/publishing/claim-review";
import { getPublishedClaim } from "@/domains/publishing/data";
import { handleErrors, jsonError } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

const CLAIM_REVIEW = "application/ld+json; charset=utf-8";
const ERROR = "application/json";

// Public: what a verified claim's fact-check says, as schema.org ClaimReview, built once per change and
// served from the public cache. Unverified claims do not exist here; a retracted one is gone (410), with
// when and why.
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  if (id === null) return jsonError(404, "No published fact-check has this id.");
  return publicResponse(request, ["claimreview", "claim", String(id)], async () => {
    const claim = await getPublishedClaim(id);
    if (!claim) {
      const body = JSON.stringify({ error: "No published fact-check has this id." });
      return { body, contentType: ERROR, lastModified: null, status: 404 };
    }
    if (claim.retractedAt) {
      const day = claim.retractedAt.toISOString().slice(0, 10);
      const error = `This fact-check was retracted on ${day}: ${claim.retractionReason ?? "no reason was given"}`;
      return { body: JSON.stringify({ error }), contentType: ERROR, lastModified: claim.retractedAt, status: 410 };
    }
    const body = JSON.stringify(toClaimReview(claim, publishingContext(claim.id)));
    return { body, contentType: CLAIM_REVIEW, lastModified: claim.updatedAt };
  });
});
