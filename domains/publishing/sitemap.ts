import { z } from "zod";
import { absoluteUrl } from "@/lib/site";
import { buildXmlDocument } from "@/lib/xml";
import type { PublicPagesChanges, SitemapChunk, SitemapEntry, SitemapOverview } from "./feed-data";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

export const SITEMAP_INDEX_PATH = "/sitemap.xml";

/** The numbered sitemaps: what they list, and for fact-checks and articles which id range. */
export type SitemapName = { kind: "pages" } | { kind: "fact-checks" | "articles"; number: number };

/** The file name of a sitemap under /sitemaps/ ("pages.xml", "fact-checks-2.xml"), parsed. */
export const sitemapFileSchema = z
  .string()
  .regex(/^(?:pages|(?:fact-checks|articles)-[1-9]\d{0,5})\.xml$/, "No such sitemap.")
  .transform((file): SitemapName => {
    const [, kind, number] = /^(pages|fact-checks|articles)(?:-(\d+))?\.xml$/.exec(file)!;
    return kind === "pages" ? { kind } : { kind: kind as "fact-checks" | "articles", number: Number(number) };
  });

function sitemapPath(name: SitemapName): string {
  return `/sitemaps/${name.kind === "pages" ? "pages" : `${name.kind}-${name.number}`}.xml`;
}

function latest(dates: (Date | null)[]): Date | null {
  const times = dates.filter((date) => date !== null).map((date) => date.getTime());
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/** The last change of the readers' own pages: the pages sitemap's Last-Modified. */
export function pagesLastModified(pages: PublicPagesChanges): Date | null {
  return latest([pages.indexLastModified, pages.correctionsLastModified]);
}

/** The last change of everything the index points to: its Last-Modified. */
export function overviewLastModified(overview: SitemapOverview): Date | null {
  return latest([
    pagesLastModified(overview),
    ...overview.factChecks.map((chunk) => chunk.lastModified),
    ...overview.articles.map((chunk) => chunk.lastModified),
  ]);
}

/** The last change of a numbered sitemap's entries: its Last-Modified. */
export function entriesLastModified(entries: SitemapEntry[]): Date | null {
  return latest(entries.map((entry) => entry.lastModified));
}

function withLastModified(location: string, lastModified: Date | null) {
  return { loc: absoluteUrl(location), ...(lastModified ? { lastmod: lastModified.toISOString() } : {}) };
}

/** The sitemap index (sitemaps.org): the pages sitemap, then each numbered one that lists something. */
export function sitemapIndexXml(overview: SitemapOverview): string {
  const numbered = (kind: "fact-checks" | "articles", chunks: SitemapChunk[]) =>
    chunks.map((chunk) => withLastModified(sitemapPath({ kind, number: chunk.number }), chunk.lastModified));
  return buildXmlDocument({
    sitemapindex: {
      "@_xmlns": SITEMAP_NAMESPACE,
      sitemap: [
        withLastModified(sitemapPath({ kind: "pages" }), pagesLastModified(overview)),
        ...numbered("fact-checks", overview.factChecks),
        ...numbered("articles", overview.articles),
      ],
    },
  });
}

/** The readers' own pages: the index of fact-checks and the corrections log. */
export function pagesSitemapXml(pages: PublicPagesChanges): string {
  return urlsetXml([
    withLastModified("/fact-checks", pages.indexLastModified),
    withLastModified("/corrections", pages.correctionsLastModified),
  ]);
}

/** A numbered sitemap: the public page of each fact-check or article listed, with its last change. */
export function entriesSitemapXml(pathPrefix: "/fact-checks" | "/fact-checks/articles", entries: SitemapEntry[]) {
  return urlsetXml(entries.map((entry) => withLastModified(`${pathPrefix}/${entry.id}`, entry.lastModified)));
}

function urlsetXml(urls: { loc: string; lastmod?: string }[]): string {
  return buildXmlDocument({ urlset: { "@_xmlns": SITEMAP_NAMESPACE, url: urls } });
}
