import { listNewestPublished } from "@/domains/publishing/feed-data";
import { feedLastModified, jsonFeed } from "@/domains/publishing/feeds";
import { handleErrors } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";

// Public: the newest published fact-checks as a JSON Feed, built once per change.
export const GET = handleErrors((request: Request) =>
  publicResponse(request, ["feed", "json"], async () => {
    const entries = await listNewestPublished();
    return {
      body: JSON.stringify(jsonFeed(entries)),
      contentType: "application/feed+json; charset=utf-8",
      lastModified: feedLastModified(entries),
    };
  }),
);
