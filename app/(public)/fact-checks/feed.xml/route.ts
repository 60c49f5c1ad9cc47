import { listNewestPublished } from "@/domains/publishing/feed-data";
import { atomFeed, feedLastModified } from "@/domains/publishing/feeds";
import { handleErrors } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";

// Public: the newest published fact-checks as an Atom feed, built once per change.
export const GET = handleErrors((request: Request) =>
  publicResponse(request, ["feed", "atom"], async () => {
    const entries = await listNewestPublished();
    return {
      body: atomFeed(entries),
      contentType: "application/atom+xml; charset=utf-8",
      lastModified: feedLastModified(entries),
    };
  }),
);
