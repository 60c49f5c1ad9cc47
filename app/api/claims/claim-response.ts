import { getClaim } from "@/domains/claims/data";
import { jsonError } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";

/** The claim as the API shows it: its fields, sources, corrections and history, without the article body. */
export async function claimResponse(id: number, status = 200): Promise<Response> {
  const claim = await getClaim(id);
  if (!claim) return jsonError(404, "No claim has this id.");
  const { article, events, ...rest } = claim;
  return Response.json(
    {
      ...rest,
      article: {
        id: article.id,
        title: article.title,
        url: article.url,
        publisher: article.publisher,
        publishedAt: toIsoDate(article.publishedAt),
      },
      history: events,
    },
    { status },
  );
}
