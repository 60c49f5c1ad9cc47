import { toClaimReview } from "@/domains/publishing/claim-review";
import { listPublishedClaimsOfArticle } from "@/domains/publishing/data";
import { handleErrors, jsonError } from "@/lib/api";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

// Public: the ClaimReviews of an article's verified claims, in article order (an empty array if none is verified yet).
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  const claims = id === null ? null : await listPublishedClaimsOfArticle(id);
  if (!claims) return jsonError(404, "No article has this id.");
  return Response.json(
    claims.map((claim) => toClaimReview(claim, publishingContext(claim.id))),
    { headers: { "content-type": "application/ld+json; charset=utf-8" } },
  );
});
