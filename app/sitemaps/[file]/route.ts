import { getPublicPagesChanges, listArticleSitemap, listFactCheckSitemap } from "@/domains/publishing/feed-data";
import {
  entriesLastModified,
  entriesSitemapXml,
  pagesLastModified,
  pagesSitemapXml,
  sitemapFileSchema,
} from "@/domains/publishing/sitemap";
import { handleErrors, jsonError } from "@/lib/api";
import { publicResponse } from "@/lib/http-cache";

const XML = "application/xml; charset=utf-8";

// Public: one of the sitemaps /sitemap.xml lists (pages.xml, fact-checks-N.xml, articles-N.xml).
export const GET = handleErrors(async (request: Request, context: { params: Promise<{ file: string }> }) => {
  const parsed = sitemapFileSchema.safeParse((await context.params).file);
  if (!parsed.success) return jsonError(404, "No such sitemap: /sitemap.xml lists them.");
  const name = parsed.data;
  if (name.kind === "pages") {
    return publicResponse(request, ["sitemap", "pages"], async () => {
      const pages = await getPublicPagesChanges();
      return { body: pagesSitemapXml(pages), contentType: XML, lastModified: pagesLastModified(pages) };
    });
  }
  return publicResponse(request, ["sitemap", name.kind, String(name.number)], async () => {
    const entries =
      name.kind === "fact-checks" ? await listFactCheckSitemap(name.number) : await listArticleSitemap(name.number);
    if (entries.length === 0) {
      return {
        body: JSON.stringify({ error: "This sitemap lists nothing: /sitemap.xml lists those that do." }),
        contentType: "application/json",
        lastModified: null,
        status: 404,
      };
    }
    const prefix = name.kind === "fact-checks" ? "/fact-checks" : "/fact-checks/articles";
    return { body: entriesSitemapXml(prefix, entries), contentType: XML, lastModified: entriesLastModified(entries) };
  });
});
