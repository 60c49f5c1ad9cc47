import { findPublishedStatement } from "@/domains/publishing/feed-data";
import { embedSize, factCheckIdOf, oembedQuerySchema, oembedResponse } from "@/domains/publishing/oembed";
import { handleErrors, jsonError } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";
import { fieldErrorsOf, searchParamsToObject } from "@/lib/validation";

const NOT_PUBLISHED = "url is not the address of a fact-check published here.";

// Public (oEmbed 1.0): what a CMS embeds for the address of one of our published fact-checks.
export const GET = handleErrors(async (request: Request) => {
  const parsed = oembedQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "The oEmbed request is invalid.", fieldErrorsOf(parsed.error));
  const query = parsed.data;
  if (query.format !== undefined && query.format !== "json") {
    return jsonError(501, "Only format=json is served.");
  }
  const id = factCheckIdOf(query.url);
  if (id === null) return jsonError(404, NOT_PUBLISHED);
  // Keyed by the size answered, not the maximum asked: any number of maxwidth values make few entries.
  const size = embedSize(query);
  return publicResponse(request, ["oembed", String(id), String(size.width), String(size.height)], async () => {
    const claim = await findPublishedStatement(id);
    return claim
      ? { body: JSON.stringify(oembedResponse(claim, size)), contentType: "application/json", lastModified: null }
      : {
          body: JSON.stringify({ error: NOT_PUBLISHED }),
          contentType: "application/json",
          lastModified: null,
          status: 404,
        };
  });
});
