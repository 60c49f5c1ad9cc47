import { createClaim } from "@/domains/claims/mutations";
import { newClaimSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimResponse } from "../../../claims/claim-response";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const articleId = pathId(params.id, "No article has this id.");
  const input = await parseBody(request, newClaimSchema, "Invalid claim.");
  if (!input.ok) return input.response;
  const { id } = await createClaim(user, articleId, input.data);
  return claimResponse(id, 201);
});
