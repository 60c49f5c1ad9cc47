import { listArticles } from "@/domains/articles/data";
import { assertMayAddArticles, createArticle } from "@/domains/articles/mutations";
import { newArticleSchema } from "@/domains/articles/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";

export const GET = authenticatedRoute(async () => {
  const articles = await listArticles();
  return Response.json({
    items: articles.map((article) => ({ ...article, publishedAt: toIsoDate(article.publishedAt) })),
  });
});

/** Answers the article as GET /api/articles/{id} does, its stored body included: claim offsets index into it. */
export const POST = authenticatedRoute(async ({ request, user }) => {
  assertMayAddArticles(user);
  const input = await parseBody(request, newArticleSchema, "Invalid article.");
  if (!input.ok) return input.response;
  const article = await createArticle(user, input.data);
  return Response.json(
    { ...article, publishedAt: toIsoDate(article.publishedAt) },
    { status: 201, headers: { Location: `/api/articles/${article.id}` } },
  );
});
