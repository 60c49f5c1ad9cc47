import { updateClaim } from "@/domains/claims/mutations";
import { claimPatchSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimBody, claimResponse } from "../claim-response";

export const GET = authenticatedRoute<{ id: string }>(async ({ params }) =>
  claimResponse(pathId(params.id, "No claim has this id.")),
);

export const PATCH = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, claimPatchSchema, "Invalid claim change.");
  if (!input.ok) return input.response;
  return Response.json(claimBody(await updateClaim(user, id, input.data)));
});
