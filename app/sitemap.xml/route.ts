import { getSitemapOverview } from "@/domains/publishing/feed-data";
import { overviewLastModified, sitemapIndexXml } from "@/domains/publishing/sitemap";
import { handleErrors } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";

// Next takes a route at /sitemap.xml for a metadata route and would generate it once while building
// (without a database): this one is built per change at run time, by publicResponse.
export const dynamic = "force-dynamic";

// Public: the sitemap index; the pages it lists are in the numbered sitemaps under /sitemaps/.
export const GET = handleErrors((request: Request) =>
  publicResponse(request, ["sitemap", "index"], async () => {
    const overview = await getSitemapOverview();
    return {
      body: sitemapIndexXml(overview),
      contentType: "application/xml; charset=utf-8",
      lastModified: overviewLastModified(overview),
    };
  }),
);
