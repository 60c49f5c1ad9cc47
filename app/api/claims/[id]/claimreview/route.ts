import { toClaimReview } from "@/domains/publishing/claim-review";
import { getPublishedClaim } from "@/domains/publishing/data";
import { handleErrors, jsonError } from "@/lib/api";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

// Public: what a verified claim's fact-check says, as schema.org ClaimReview. Unverified claims do not exist here.
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  const claim = id === null ? null : await getPublishedClaim(id);
  if (!claim) return jsonError(404, "No published fact-check has this id.");
  return Response.json(toClaimReview(claim, publishingContext(claim.id)), {
    headers: { "content-type": "application/ld+json; charset=utf-8" },
  });
});
