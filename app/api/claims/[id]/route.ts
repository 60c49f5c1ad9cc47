import { getClaim } from "@/domains/claims/data";
import { handleErrors, jsonError } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";
import { parseId } from "@/lib/validation";

export const GET = handleErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = parseId((await context.params).id);
  const claim = id === null ? null : await getClaim(id);
  if (!claim) return jsonError(404, "No claim has this id.");
  const { article, events, ...rest } = claim;
  return Response.json({
    ...rest,
    article: { id: article.id, title: article.title, url: article.url, publisher: article.publisher, publishedAt: toIsoDate(article.publishedAt) },
    history: events,
  });
});
