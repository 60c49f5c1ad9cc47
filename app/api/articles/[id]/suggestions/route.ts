import { listSuggestions } from "@/domains/suggestions/data";
import { authenticatedRoute } from "@/domains/users/session";
import { jsonError, pathId } from "@/lib/api";

export const GET = authenticatedRoute<{ id: string }>(async ({ params }) => {
  const items = await listSuggestions(pathId(params.id, "No article has this id."));
  if (!items) return jsonError(404, "No article has this id.");
  return Response.json({ items });
});
