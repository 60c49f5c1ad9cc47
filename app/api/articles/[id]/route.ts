import { getArticle } from "@/domains/articles/data";
import { authenticatedRoute } from "@/domains/users/session";
import { jsonError } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";
import { parseId } from "@/lib/validation";

export const GET = authenticatedRoute<{ id: string }>(async ({ params }) => {
  const id = parseId(params.id);
  const article = id === null ? null : await getArticle(id);
  if (!article) return jsonError(404, "No article has this id.");
  return Response.json({ ...article, publishedAt: toIsoDate(article.publishedAt) });
});
