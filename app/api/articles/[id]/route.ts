import { getArticle } from "@/domains/articles/data";
import { handleErrors, jsonError } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";
import { parseId } from "@/lib/validation";

export const GET = handleErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  const article = id === null ? null : await getArticle(id);
  if (!article) return jsonError(404, "No article has this id.");
  return Response.json({ ...article, publishedAt: toIsoDate(article.publishedAt) });
});
