import { linkDuplicate } from "@/domains/claims/duplicates-mutations";
import { duplicateLinkSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";
import { claimResponse } from "../../claim-response";

export const PUT = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, duplicateLinkSchema, "Invalid duplicate mark.");
  if (!input.ok) return input.response;
  await linkDuplicate(user, id, input.data);
  return claimResponse(id);
});
