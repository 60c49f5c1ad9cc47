import { removeSource, updateSource } from "@/domains/sources/mutations";
import { sourcePatchSchema, sourceRemovalSchema } from "@/domains/sources/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";

type Params = { id: string; sourceId: string };

export const PATCH = authenticatedRoute<Params>(async ({ request, params, user }) => {
  const claimId = pathId(params.id, "No claim has this id.");
  const sourceId = pathId(params.sourceId, `Claim #${claimId} has no source with this id.`);
  const input = await parseBody(request, sourcePatchSchema, "Invalid source change.");
  if (!input.ok) return input.response;
  const { source, claimVersion } = await updateSource(user, claimId, { ...input.data, sourceId });
  return Response.json({ ...source, claimVersion });
});

export const DELETE = authenticatedRoute<Params>(async ({ request, params, user }) => {
  const claimId = pathId(params.id, "No claim has this id.");
  const sourceId = pathId(params.sourceId, `Claim #${claimId} has no source with this id.`);
  const input = await parseBody(request, sourceRemovalSchema, 'Give the claim version you saw: { "version": N }.');
  if (!input.ok) return input.response;
  return Response.json(await removeSource(user, claimId, { ...input.data, sourceId }));
});
