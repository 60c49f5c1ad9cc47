import { claimExists } from "@/domains/claims/data";
import { findSimilarClaims } from "@/domains/claims/duplicates-data";
import { authenticatedRoute } from "@/domains/users/session";
import { jsonError, pathId } from "@/lib/api";

export const GET = authenticatedRoute<{ id: string }>(async ({ params }) => {
  const id = pathId(params.id, "No claim has this id.");
  const items = await findSimilarClaims(id);
  if (items.length === 0 && !(await claimExists(id))) return jsonError(404, "No claim has this id.");
  return Response.json({ items });
});
