import { startFromDuplicate } from "@/domains/claims/duplicates-mutations";
import { startFromDuplicateSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimResponse } from "../../../claim-response";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, startFromDuplicateSchema, "Invalid request.");
  if (!input.ok) return input.response;
  await startFromDuplicate(user, id, input.data);
  return claimResponse(id);
});
