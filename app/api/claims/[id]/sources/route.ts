import { addSource } from "@/domains/sources/mutations";
import { newSourceSchema } from "@/domains/sources/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const claimId = pathId(params.id, "No claim has this id.");
  const input = await parseBody(request, newSourceSchema, "Invalid source.");
  if (!input.ok) return input.response;
  const { source, claimVersion } = await addSource(user, claimId, input.data);
  return Response.json({ ...source, claimVersion }, { status: 201 });
});
