import type { Metadata } from "next";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { absoluteUrl, publishingOrganization } from "@/lib/site";
import type { PublishedClaim } from "./data";

/**
 * The heads of the public pages: title, description, canonical link and share cards (Open Graph,
 * Twitter), built from configuration and published data only, since the pages are cached and served
 * to every reader (never from a request's headers).
 */

/** Share cards show about this much of a description; longer ones are cut at a word. */
const DESCRIPTION_LENGTH = 200;

/** The generated share card's size (app/(public)/fact-checks/[id]/opengraph-image.tsx). */
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/**
 * The share card's alternative text. Next adds the card to the page's head itself (og:image and, by
 * inheritance, twitter:image), at the address it gives the image route, so the head names no image here.
 */
export const SHARE_CARD_ALT = "The fact-check's share card: the claim, our verdict on it, and who checked it";

function clipped(text: string, length = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), length / 2)).trimEnd()}…`;
}

/** What the head of a fact-check's page reads: the published record, and its dates when the page knows them. */
export type FactCheckHead = Pick<
  PublishedClaim,
  "id" | "statement" | "verdict" | "rationale" | "verifiedAt" | "retractedAt" | "retractionReason"
> & {
  /** The first approval; a correction approved later moves verifiedAt. */
  firstPublishedAt?: Date;
  /** The last approval or the retraction, whichever came later. */
  lastUpdatedAt?: Date;
};

export function factCheckPath(id: number): string {
  return `/fact-checks/${id}`;
}

/** The oEmbed discovery address of a public page (GET /api/oembed). */
export function oembedUrl(pageUrl: string): string {
  return absoluteUrl(`/api/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
}

export function factCheckMetadata(claim: FactCheckHead): Metadata {
  const url = absoluteUrl(factCheckPath(claim.id));
  const retracted = claim.retractedAt !== null;
  const title = `${retracted ? "Retracted fact-check" : "Fact-check"}: ${clipped(claim.statement, 120)}`;
  const description = retracted
    ? clipped(`Retracted: ${claim.retractionReason ?? "this fact-check was withdrawn."}`)
    : clipped(`${VERDICT_LABELS[claim.verdict]}. ${claim.rationale ?? ""}`);
  const publishedAt = claim.firstPublishedAt ?? claim.verifiedAt;
  // The first approval is read from its history event, written a moment after verifiedAt: the later of all.
  const changes = [publishedAt, claim.lastUpdatedAt, claim.verifiedAt, claim.retractedAt].filter((date) => !!date);
  const updatedAt = changes.length > 0 ? new Date(Math.max(...changes.map((date) => date!.getTime()))) : null;
  return {
    title,
    description,
    alternates: { canonical: url, types: { "application/json+oembed": oembedUrl(url) } },
    openGraph: {
      type: "article",
      url,
      title,
      description,
      siteName: publishingOrganization().name,
      ...(publishedAt ? { publishedTime: publishedAt.toISOString() } : {}),
      ...(updatedAt ? { modifiedTime: updatedAt.toISOString() } : {}),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}

/** An article's public page (its published fact-checks in article order). */
export function articleMetadata(article: { id: number; title: string; publisher: string | null }): Metadata {
  const url = absoluteUrl(`/fact-checks/articles/${article.id}`);
  const title = `Fact-checks of “${clipped(article.title, 100)}”`;
  const description = clipped(
    `The claims we checked in “${article.title}”${article.publisher ? ` (${article.publisher})` : ""}, with our verdicts and sources.`,
  );
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title, description, siteName: publishingOrganization().name },
    twitter: { card: "summary", title, description },
  };
}

/** The public index of fact-checks. */
export function indexMetadata(): Metadata {
  const url = absoluteUrl("/fact-checks");
  const siteName = publishingOrganization().name;
  const title = "Fact-checks";
  const description = `Every fact-check published by ${siteName}, newest first: each claim, our verdict, why, and the sources.`;
  return {
    title,
    description,
    alternates: {
      canonical: url,
      types: {
        "application/atom+xml": absoluteUrl("/fact-checks/feed.xml"),
        "application/feed+json": absoluteUrl("/fact-checks/feed.json"),
      },
    },
    openGraph: { type: "website", url, title, description, siteName },
    twitter: { card: "summary", title, description },
  };
}
