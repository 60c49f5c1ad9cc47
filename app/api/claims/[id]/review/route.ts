import { reviewClaim } from "@/domains/claims/mutations";
import { reviewSchema } from "@/domains/claims/schema";
import { authenticatedRoute, jsonError, readJson } from "@/lib/api";
import { fieldErrorsOf, parseId } from "@/lib/validation";
import { claimResponse } from "../../claim-response";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, "No claim has this id.");
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = reviewSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "Invalid review.", fieldErrorsOf(parsed.error));
  await reviewClaim(user, id, parsed.data);
  return claimResponse(id);
});
