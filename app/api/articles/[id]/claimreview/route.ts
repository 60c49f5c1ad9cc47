import { toClaimReview } from "@/domains/publishing/claim-review";
import { listPublishedClaimsOfArticle } from "@/domains/publishing/data";
import { handleErrors, jsonError } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

// Public: the ClaimReviews of an article's published claims, in article order (an empty array if none is
// published yet; retracted ones are left out), built once per change and served from the public cache.
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  if (id === null) return jsonError(404, "No article has this id.");
  return publicResponse(request, ["claimreview", "article", String(id)], async () => {
    const claims = await listPublishedClaimsOfArticle(id);
    if (!claims) {
      const body = JSON.stringify({ error: "No article has this id." });
      return { body, contentType: "application/json", lastModified: null, status: 404 };
    }
    const lastChange = Math.max(0, ...claims.map((claim) => claim.updatedAt.getTime()));
    return {
      body: JSON.stringify(claims.map((claim) => toClaimReview(claim, publishingContext(claim.id)))),
      contentType: "application/ld+json; charset=utf-8",
      lastModified: lastChange > 0 ? new Date(lastChange) : null,
    };
  });
});
