import { removeSource, updateSource } from "@/domains/sources/mutations";
import { sourcePatchSchema, sourceRemovalSchema } from "@/domains/sources/schema";
import { authenticatedRoute, jsonError, readJson } from "@/lib/api";
import { fieldErrorsOf, parseId } from "@/lib/validation";

type Params = { id: string; sourceId: string };

export const PATCH = authenticatedRoute<Params>(async ({ request, params, user }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, "No claim has this id.");
  const sourceId = parseId(params.sourceId);
  if (sourceId === null) return jsonError(404, `Claim #${claimId} has no source with this id.`);
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = sourcePatchSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "Invalid source change.", fieldErrorsOf(parsed.error));
  const { source, claimVersion } = await updateSource(user, claimId, { ...parsed.data, sourceId });
  return Response.json({ ...source, claimVersion });
});

export const DELETE = authenticatedRoute<Params>(async ({ request, params, user }) => {
  const claimId = parseId(params.id);
  if (claimId === null) return jsonError(404, "No claim has this id.");
  const sourceId = parseId(params.sourceId);
  if (sourceId === null) return jsonError(404, `Claim #${claimId} has no source with this id.`);
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = sourceRemovalSchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, "Give the claim version you saw: { \"version\": N }.", fieldErrorsOf(parsed.error));
  return Response.json(await removeSource(user, claimId, { ...parsed.data, sourceId }));
});
