import { updateClaim } from "@/domains/claims/mutations";
import { claimPatchSchema } from "@/domains/claims/schema";
import { authenticatedRoute, jsonError, readJson } from "@/lib/api";
import { fieldErrorsOf, parseId } from "@/lib/validation";
import { claimResponse } from "../claim-response";

export const GET = authenticatedRoute<{ id: string }>(async ({ params }) => {
  const id = parseId(params.id);
  return id === null ? jsonError(404, "No claim has this id.") : claimResponse(id);
});

export const PATCH = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, "No claim has this id.");
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = claimPatchSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "Invalid claim change.", fieldErrorsOf(parsed.error));
  await updateClaim(user, id, parsed.data);
  return claimResponse(id);
});
