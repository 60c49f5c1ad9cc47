import { type ClaimRecord, getClaimRecord } from "@/domains/claims/data";
import { jsonError } from "@/lib/api";
import { toIsoDate } from "@/lib/dates";

/** The claim as the API shows it: its fields, sources, corrections and history. */
export function claimBody(claim: ClaimRecord) {
  const { article, events, ...rest } = claim;
  return { ...rest, article: { ...article, publishedAt: toIsoDate(article.publishedAt) }, history: events };
}

export async function claimResponse(id: number, status = 200): Promise<Response> {
  const claim = await getClaimRecord(id);
  if (!claim) return jsonError(404, "No claim has this id.");
  return Response.json(claimBody(claim), { status });
}
