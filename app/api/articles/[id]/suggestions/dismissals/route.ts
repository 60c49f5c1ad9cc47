import { dismissSuggestion } from "@/domains/suggestions/mutations";
import { dismissalSchema } from "@/domains/suggestions/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody, pathId } from "@/lib/api";

export const POST = authenticatedRoute<{ id: string }>(async ({ request, params, user }) => {
  const articleId = pathId(params.id, "No article has this id.");
  const input = await parseBody(request, dismissalSchema, "Invalid dismissal.");
  if (!input.ok) return input.response;
  await dismissSuggestion(user, articleId, input.data);
  return Response.json({ articleId, ...input.data }, { status: 201 });
});
