import { retractClaim } from "@/domains/claims/mutations";
import { retractSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimResponse } from "../../claim-response";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, retractSchema, "Invalid retraction.");
  if (!input.ok) return input.response;
  await retractClaim(user, id, input.data);
  return claimResponse(id);
});
