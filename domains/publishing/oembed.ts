import { z } from "zod";
import { absoluteUrl, publishingOrganization, siteOrigin } from "@/lib/site";
import { parseId } from "@/lib/validation";
import { emptyElementMarkup } from "@/lib/xml";

/** The embed card's size when the consumer sets no limit: a column of an article, a card's height. */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 320;

const dimension = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number of pixels.` })
    .int(`${name} must be a whole number of pixels.`)
    .min(1, `${name} must be at least 1.`)
    .max(10_000, `${name} must be at most 10000.`)
    .optional();

/** GET /api/oembed's query (oEmbed 1.0, section 2.2); other parameters are ignored as the spec allows. */
export const oembedQuerySchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "url must be the http(s) address of a published fact-check." }),
  maxwidth: dimension("maxwidth"),
  maxheight: dimension("maxheight"),
  format: z.string().optional(),
});

export type OembedQuery = z.infer<typeof oembedQuerySchema>;

const FACT_CHECK_PATH = /^\/fact-checks\/(\d+)(?:\/embed)?\/?$/;

/**
 * The fact-check a URL names: only a page of this site (its configured origin, never the request's
 * Host), the public page or its embed card; null for anything else.
 */
export function factCheckIdOf(url: string): number | null {
  const parsed = new URL(url);
  if (parsed.origin !== siteOrigin()) return null;
  const match = FACT_CHECK_PATH.exec(parsed.pathname);
  return match ? parseId(match[1]!) : null;
}

export function embedPath(id: number): string {
  return `/fact-checks/${id}/embed`;
}

/** The embed's size: the card's own, within the consumer's maximum. */
export function embedSize(query: OembedQuery): { width: number; height: number } {
  return {
    width: Math.min(EMBED_WIDTH, query.maxwidth ?? EMBED_WIDTH),
    height: Math.min(EMBED_HEIGHT, query.maxheight ?? EMBED_HEIGHT),
  };
}

/** The rich oEmbed answer: an iframe of the embed card, at the given size. */
export function oembedResponse(
  claim: { id: number; statement: string },
  { width, height }: { width: number; height: number },
) {
  const title = `Fact-check: ${claim.statement}`;
  const organization = publishingOrganization();
  return {
    version: "1.0",
    type: "rich",
    title,
    provider_name: organization.name,
    provider_url: organization.url ?? absoluteUrl("/fact-checks"),
    html: emptyElementMarkup("iframe", {
      src: absoluteUrl(embedPath(claim.id)),
      width,
      height,
      title,
      loading: "lazy",
      style: "border:0;max-width:100%",
    }),
    width,
    height,
  };
}
