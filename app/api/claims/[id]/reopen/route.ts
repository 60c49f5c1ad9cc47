import { reopenClaim } from "@/domains/claims/mutations";
import { reopenSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimResponse } from "../../claim-response";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, reopenSchema, "Invalid reopening.");
  if (!input.ok) return input.response;
  await reopenClaim(user, id, input.data);
  return claimResponse(id);
});
