import { listArticles } from "@/domains/articles/data";
import { authenticatedRoute } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";

export const GET = authenticatedRoute(async () => {
  const articles = await listArticles();
  return Response.json({
    items: articles.map((article) => ({ ...article, publishedAt: toIsoDate(article.publishedAt) })),
  });
});
