import { VERDICT_LABELS } from "@/domains/claims/labels";
import { absoluteUrl, publishingOrganization } from "@/lib/site";
import { buildXmlDocument } from "@/lib/xml";
import type { FeedEntry } from "./feed-data";

export const ATOM_FEED_PATH = "/fact-checks/feed.xml";
export const JSON_FEED_PATH = "/fact-checks/feed.json";

/** About the length of a search result's snippet: enough to say why, short enough to read in a list. */
const SUMMARY_LENGTH = 300;

const wordSegments = new Intl.Segmenter(undefined, { granularity: "word" });
const graphemeSegments = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Where to cut `text` so that it ends with a whole segment (a word, or else a character) within `limit`. */
function cutWithin(text: string, limit: number, segmenter: Intl.Segmenter, wordsOnly: boolean): number {
  let end = 0;
  for (const { index, segment, isWordLike } of segmenter.segment(text)) {
    if (index + segment.length > limit) break;
    if (!wordsOnly || isWordLike) end = index + segment.length;
  }
  return end;
}

/**
 * The first ~300 characters of a rationale, on one line, cut after a whole word with an ellipsis
 * (a single longer word is cut between characters, never inside one).
 */
export function rationaleSummary(rationale: string | null): string {
  const text = (rationale ?? "").replace(/\s+/g, " ").trim();
  if (text.length <= SUMMARY_LENGTH) return text;
  const end =
    cutWithin(text, SUMMARY_LENGTH, wordSegments, true) || cutWithin(text, SUMMARY_LENGTH, graphemeSegments, false);
  return `${text.slice(0, end)}…`;
}

function verdictSentence(entry: FeedEntry): string {
  return `Our verdict: ${VERDICT_LABELS[entry.verdict]}.`;
}

function feedTitle(): string {
  return `Fact-checks · ${publishingOrganization().name}`;
}

const FEED_DESCRIPTION = "Published fact-checks, newest first: each claim, our verdict and why.";

/** A feed with no entry yet still needs an `updated`: the start of the epoch says "never". */
const NEVER = new Date(0);

/** The feed's last change: its newest entry's. */
export function feedLastModified(entries: readonly FeedEntry[]): Date | null {
  const times = entries.map((entry) => entry.updatedAt.getTime());
  return times.length === 0 ? null : new Date(Math.max(...times));
}

/** Atom 1.0 (RFC 4287): one entry per fact-check, its title the claim, the verdict and why in the summary. */
export function atomFeed(entries: readonly FeedEntry[]): string {
  const organization = publishingOrganization();
  return buildXmlDocument({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": "en",
      id: absoluteUrl(ATOM_FEED_PATH),
      title: feedTitle(),
      subtitle: FEED_DESCRIPTION,
      updated: (feedLastModified(entries) ?? NEVER).toISOString(),
      author: { name: organization.name, ...(organization.url ? { uri: organization.url } : {}) },
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": absoluteUrl(ATOM_FEED_PATH) },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": absoluteUrl("/fact-checks") },
      ],
      entry: entries.map((entry) => {
        const url = absoluteUrl(`/fact-checks/${entry.id}`);
        const summary = rationaleSummary(entry.rationale);
        return {
          id: url,
          title: { "@_type": "text", "#text": entry.statement },
          link: { "@_rel": "alternate", "@_type": "text/html", "@_href": url },
          published: entry.verifiedAt.toISOString(),
          updated: entry.updatedAt.toISOString(),
          category: { "@_term": entry.verdict, "@_label": VERDICT_LABELS[entry.verdict] },
          summary: {
            "@_type": "text",
            "#text": summary ? `${verdictSentence(entry)} ${summary}` : verdictSentence(entry),
          },
        };
      }),
    },
  });
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same entries as the Atom feed. */
export function jsonFeed(entries: readonly FeedEntry[]) {
  const organization = publishingOrganization();
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feedTitle(),
    home_page_url: absoluteUrl("/fact-checks"),
    feed_url: absoluteUrl(JSON_FEED_PATH),
    description: FEED_DESCRIPTION,
    language: "en",
    authors: [{ name: organization.name, ...(organization.url ? { url: organization.url } : {}) }],
    items: entries.map((entry) => {
      const url = absoluteUrl(`/fact-checks/${entry.id}`);
      const summary = rationaleSummary(entry.rationale);
      return {
        id: url,
        url,
        title: entry.statement,
        content_text: summary ? `${verdictSentence(entry)}\n\n${summary}` : verdictSentence(entry),
        ...(summary ? { summary } : {}),
        date_published: entry.verifiedAt.toISOString(),
        date_modified: entry.updatedAt.toISOString(),
        tags: [VERDICT_LABELS[entry.verdict]],
      };
    }),
  };
}
