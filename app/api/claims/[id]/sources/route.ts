import { addSource } from "@/domains/sources/mutations";
import { newSourceSchema } from "@/domains/sources/schema";
import { authenticatedRoute, jsonError, readJson } from "@/lib/api";
import { fieldErrorsOf, parseId } from "@/lib/validation";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, "No claim has this id.");
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = newSourceSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "Invalid source.", fieldErrorsOf(parsed.error));
  const { source, claimVersion } = await addSource(user, claimId, parsed.data);
  return Response.json({ ...source, claimVersion }, { status: 201 });
});
