import { listArticles } from "@/domains/articles/data";
import { handleErrors } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";

export const GET = handleErrors(async () => {
  const articles = await listArticles();
  return Response.json({
    items: articles.map((article) => ({ ...article, publishedAt: toIsoDate(article.publishedAt) })),
  });
});
