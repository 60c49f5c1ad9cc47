/**
 * The feeds, the sitemap and oEmbed, as readers, crawlers and CMSs get them: route handlers called
 * in process on a real PostgreSQL. The Atom feed and the sitemaps are checked for well-formed XML and
 * read back with fast-xml-parser (the same text a feed reader gets, entities decoded); the JSON Feed
 * against the fields version 1.1 requires.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRequest, routeParams } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

const ORIGIN = "http://localhost:3000";

let database: TestDatabase;
let routes: {
  atom: typeof import("@/app/(public)/fact-checks/feed.xml/route").GET;
  json: typeof import("@/app/(public)/fact-checks/feed.json/route").GET;
  sitemapIndex: typeof import("@/app/sitemap.xml/route").GET;
  sitemap: typeof import("@/app/sitemaps/[file]/route").GET;
  oembed: typeof import("@/app/api/oembed/route").GET;
};

/** A statement with everything XML must escape, and characters XML cannot carry at all. */
const HOSTILE_STATEMENT = `Fish & chips <b>"cost"</b> 'less' than ]]> in 2023\u0001\u0008\uFFFE, said the <script>minister</script>`;
const XML_SAFE_STATEMENT = `Fish & chips <b>"cost"</b> 'less' than ]]> in 2023, said the <script>minister</script>`;
const LONG_RATIONALE = `${"The national statistics office reports a different figure for the same year. ".repeat(6)}Its table 4 gives 7.1 million.`;
/** Any character XML 1.0 forbids, escaped or not. */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|&#x?0*(?:[0-8bcef]|1[0-9a-f]);/iu;

/** Published by this test, newest verification first. */
let published: { id: number; articleId: number }[];
let unverifiedId: number;
/** Published with an id past the first sitemap's range. */
let farId: number;

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: isRepeated });
function isRepeated(name: string): boolean {
  return ["entry", "link", "sitemap", "url"].includes(name);
}

function readXml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text).not.toMatch(FORBIDDEN_IN_XML);
  return xmlParser.parse(text);
}

const anonymous = (path: string, headers?: Record<string, string>) => apiRequest(path, { headers });

async function atomFeed() {
  const response = await routes.atom(anonymous("/fact-checks/feed.xml"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return readXml(await response.text()).feed;
}

async function jsonFeed() {
  const response = await routes.json(anonymous("/fact-checks/feed.json"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
  return response.json();
}

async function sitemapFile(file: string) {
  return routes.sitemap(anonymous(`/sitemaps/${file}`), routeParams({ file }));
}

/** Every URL of every sitemap the index lists, with its lastmod. */
async function everySitemapUrl(): Promise<Map<string, string>> {
  const index = readXml(await (await routes.sitemapIndex(anonymous("/sitemap.xml"))).text());
  const urls = new Map<string, string>();
  for (const sitemap of index.sitemapindex.sitemap as { loc: string }[]) {
    const file = sitemap.loc.replace(`${ORIGIN}/sitemaps/`, "");
    const response = await sitemapFile(file);
    expect({ file, status: response.status }).toEqual({ file, status: 200 });
    for (const url of readXml(await response.text()).urlset.url as { loc: string; lastmod: string }[]) {
      urls.set(url.loc, url.lastmod);
    }
  }
  return urls;
}

function oembed(query: string, headers?: Record<string, string>) {
  return routes.oembed(anonymous(`/api/oembed?${query}`, headers));
}

const CORRECTION_RESOLVED_AT = new Date("2026-11-02T12:00:00Z");

const pageUrl = (id: number) => `${ORIGIN}/fact-checks/${id}`;

beforeAll(async () => {
  database = await cloneSeededDatabase("public-feeds");
  process.env.DATABASE_URL = database.url;
  routes = {
    atom: (await import("@/app/(public)/fact-checks/feed.xml/route")).GET,
    json: (await import("@/app/(public)/fact-checks/feed.json/route")).GET,
    sitemapIndex: (await import("@/app/sitemap.xml/route")).GET,
    sitemap: (await import("@/app/sitemaps/[file]/route")).GET,
    oembed: (await import("@/app/api/oembed/route")).GET,
  };
  const approver = await database.prisma.user.findUniqueOrThrow({ where: { email: "editor@example.org" } });
  const claims = await database.prisma.claim.findMany({ orderBy: { id: "asc" }, take: 4 });
  const verify = (index: number, data: { statement?: string; rationale: string; verifiedAt: Date }) =>
    database.prisma.claim.update({
      where: { id: claims[index]!.id },
      data: { status: "verified", verdict: "mostly_false", verifiedById: approver.id, ...data },
    });
  await verify(0, { rationale: "Older.", verifiedAt: new Date("2026-11-01T08:00:00Z") });
  await verify(1, {
    statement: HOSTILE_STATEMENT,
    rationale: LONG_RATIONALE,
    verifiedAt: new Date("2026-11-20T09:00:00Z"),
  });
  await verify(2, { rationale: "Retracted later.", verifiedAt: new Date("2026-11-10T10:00:00Z") });
  await database.prisma.correction.create({
    data: {
      claimId: claims[0]!.id,
      reason: "A later census.",
      previousVerdict: "true",
      reopenedById: approver.id,
      reopenedAt: CORRECTION_RESOLVED_AT,
      newVerdict: "mostly_false",
      resolvedAt: CORRECTION_RESOLVED_AT,
    },
  });
  unverifiedId = claims[3]!.id;
  const far = await database.prisma.claim.create({
    data: {
      ...{ articleId: claims[0]!.articleId, quote: claims[0]!.quote, topic: claims[0]!.topic },
      id: 10_005,
      startOffset: 0,
      endOffset: 1,
      statement: "A claim far along the ids.",
      status: "verified",
      verdict: "true",
      rationale: "Confirmed.",
      verifiedById: approver.id,
      verifiedAt: new Date("2026-10-01T08:00:00Z"),
    },
  });
  farId = far.id;
  published = [claims[1]!, claims[2]!, claims[0]!, far].map(({ id, articleId }) => ({ id, articleId }));
});

afterAll(async () => {
  await database?.drop();
});

describe("GET /fact-checks/feed.xml (Atom 1.0)", () => {
  it("lists the published fact-checks newest first, with every element Atom requires", async () => {
    const feed = await atomFeed();
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe(`${ORIGIN}/fact-checks/feed.xml`);
    expect(feed.title).toBe("Fact-checks · Fact-check desk");
    expect(feed.author).toEqual({ name: "Fact-check desk" });
    expect(feed.link).toEqual([
      { "@_rel": "self", "@_type": "application/atom+xml", "@_href": `${ORIGIN}/fact-checks/feed.xml` },
      { "@_rel": "alternate", "@_type": "text/html", "@_href": `${ORIGIN}/fact-checks` },
    ]);
    const entries = feed.entry as Record<string, unknown>[];
    expect(entries.map((entry) => entry.id)).toEqual(published.map(({ id }) => pageUrl(id)));
    for (const entry of entries) {
      expect(entry).toMatchObject({
        title: { "@_type": "text", "#text": expect.any(String) },
        link: [{ "@_rel": "alternate", "@_type": "text/html", "@_href": entry.id }],
        published: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        summary: { "@_type": "text", "#text": expect.stringMatching(/^Our verdict: (Mostly false|True)\./) },
      });
      expect(Date.parse(entry.updated as string)).toBeGreaterThanOrEqual(Date.parse(entry.published as string));
    }
    expect(feed.updated).toBe(
      new Date(Math.max(...entries.map((entry) => Date.parse(entry.updated as string)))).toISOString(),
    );
  });

  it("escapes what XML must escape and drops what it cannot carry, keeping the rest of the statement", async () => {
    const [newest] = (await atomFeed()).entry;
    expect(newest.title["#text"]).toBe(XML_SAFE_STATEMENT);
    expect(newest.published).toBe("2026-11-20T09:00:00.000Z");
    expect(newest.category).toEqual({ "@_term": "mostly_false", "@_label": "Mostly false" });
    const summary = newest.summary["#text"] as string;
    expect(summary.startsWith("Our verdict: Mostly false. The national statistics office")).toBe(true);
    // Cut after a whole word of the rationale, within its first 300 characters.
    const cut = summary.replace("Our verdict: Mostly false. ", "");
    expect(cut.length).toBeLessThanOrEqual(301);
    expect(cut).toMatch(/[a-z.]…$/);
    expect(LONG_RATIONALE.startsWith(cut.slice(0, -1))).toBe(true);
    expect(LONG_RATIONALE[cut.length - 1]).toMatch(/[ .]/);
  });

  it("answers with headers a CDN can keep, and 304 when the reader's copy is current", async () => {
    const response = await routes.atom(anonymous("/fact-checks/feed.xml"));
    expect(response.headers.get("cache-control")).toBe("public, s-maxage=60, stale-while-revalidate=86400");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(response.headers.get("last-modified")).toBe(new Date((await atomFeed()).updated).toUTCString());
    const revalidated = await routes.atom(anonymous("/fact-checks/feed.xml", { "if-none-match": etag }));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const changed = await routes.atom(anonymous("/fact-checks/feed.xml", { "if-none-match": '"another-version"' }));
    expect(changed.status).toBe(200);
  });
});

describe("GET /fact-checks/feed.json (JSON Feed 1.1)", () => {
  it("has the fields version 1.1 requires, and the same entries as the Atom feed", async () => {
    const feed = await jsonFeed();
    expect(feed).toMatchObject({
      version: "https://jsonfeed.org/version/1.1",
      title: "Fact-checks · Fact-check desk",
      home_page_url: `${ORIGIN}/fact-checks`,
      feed_url: `${ORIGIN}/fact-checks/feed.json`,
      authors: [{ name: "Fact-check desk" }],
    });
    expect(feed.items.map((item: { id: string }) => item.id)).toEqual(published.map(({ id }) => pageUrl(id)));
    for (const item of feed.items) {
      expect(item).toMatchObject({
        id: expect.any(String),
        url: item.id,
        title: expect.any(String),
        content_text: expect.stringMatching(/^Our verdict: (Mostly false|True)\./),
        date_published: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        date_modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
    expect(feed.items[0]).toMatchObject({ title: HOSTILE_STATEMENT, tags: ["Mostly false"] });
    expect(feed.items[0].summary).toMatch(/^The national statistics office .*…$/);
  });
});

describe("GET /sitemap.xml and /sitemaps/*.xml", () => {
  it("lists every public page with its last change, in numbered sitemaps of id ranges", async () => {
    const index = readXml(await (await routes.sitemapIndex(anonymous("/sitemap.xml"))).text());
    expect(index.sitemapindex["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const sitemaps = index.sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(sitemaps.map((sitemap) => sitemap.loc)).toEqual([
      `${ORIGIN}/sitemaps/pages.xml`,
      `${ORIGIN}/sitemaps/fact-checks-1.xml`,
      `${ORIGIN}/sitemaps/fact-checks-2.xml`,
      `${ORIGIN}/sitemaps/articles-1.xml`,
    ]);
    for (const sitemap of sitemaps) expect(Number.isNaN(Date.parse(sitemap.lastmod))).toBe(false);

    const urls = await everySitemapUrl();
    const articleIds = [...new Set(published.map(({ articleId }) => articleId))];
    expect([...urls.keys()].sort()).toEqual(
      [
        `${ORIGIN}/fact-checks`,
        `${ORIGIN}/corrections`,
        ...published.map(({ id }) => pageUrl(id)),
        ...articleIds.map((id) => `${ORIGIN}/fact-checks/articles/${id}`),
      ].sort(),
    );
    expect(urls.has(pageUrl(unverifiedId))).toBe(false);
    for (const [url, lastmod] of urls)
      expect({ url, valid: !Number.isNaN(Date.parse(lastmod)) }).toEqual({ url, valid: true });
    expect(urls.get(`${ORIGIN}/corrections`)).toBe(CORRECTION_RESOLVED_AT.toISOString());
    const far = await database.prisma.claim.findUniqueOrThrow({ where: { id: farId } });
    expect(urls.get(pageUrl(farId))).toBe(far.updatedAt.toISOString());
    const second = readXml(await (await sitemapFile("fact-checks-2.xml")).text());
    expect(second.urlset.url).toEqual([{ loc: pageUrl(farId), lastmod: far.updatedAt.toISOString() }]);
  });

  it("answers 404 for a sitemap that does not exist or lists nothing, and 304 when current", async () => {
    for (const file of [
      "fact-checks-3.xml",
      "articles-9.xml",
      "fact-checks-0.xml",
      "users-1.xml",
      "pages.json",
      "..%2Fsecret",
    ]) {
      const response = await sitemapFile(file);
      expect({ file, status: response.status }).toEqual({ file, status: 404 });
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
    const first = await sitemapFile("fact-checks-1.xml");
    const revalidated = await routes.sitemap(
      anonymous("/sitemaps/fact-checks-1.xml", { "if-none-match": first.headers.get("etag")! }),
      routeParams({ file: "fact-checks-1.xml" }),
    );
    expect(revalidated.status).toBe(304);
  });
});

describe("GET /api/oembed", () => {
  it("answers a published fact-check's page or embed address with a rich embed of its card", async () => {
    const { id } = published[0]!;
    for (const url of [pageUrl(id), `${pageUrl(id)}/embed`]) {
      const response = await oembed(new URLSearchParams({ url, format: "json" }).toString());
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toMatch(/^public,/);
      const answer = await response.json();
      expect(answer).toEqual({
        version: "1.0",
        type: "rich",
        title: `Fact-check: ${HOSTILE_STATEMENT}`,
        provider_name: "Fact-check desk",
        provider_url: `${ORIGIN}/fact-checks`,
        html: expect.any(String),
        width: 560,
        height: 320,
      });
      const { iframe } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(answer.html);
      expect(iframe).toMatchObject({
        src: `${pageUrl(id)}/embed`,
        width: "560",
        height: "320",
        title: `Fact-check: ${XML_SAFE_STATEMENT}`,
      });
      expect(answer.html).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    }
  });

  it("keeps within maxwidth and maxheight", async () => {
    const url = pageUrl(published[0]!.id);
    const answer = await (
      await oembed(new URLSearchParams({ url, maxwidth: "300", maxheight: "1000" }).toString())
    ).json();
    expect({ width: answer.width, height: answer.height }).toEqual({ width: 300, height: 320 });
    expect(answer.html).toContain('width="300" height="320"');
  });

  it("answers 404 for any address that is not a fact-check published here, whatever the Host says", async () => {
    const id = published[0]!.id;
    const forged = { host: "evil.example", "x-forwarded-host": "evil.example" };
    for (const url of [
      pageUrl(unverifiedId),
      pageUrl(999_999),
      `https://evil.example/fact-checks/${id}`,
      `http://localhost:3001/fact-checks/${id}`,
      `${ORIGIN}/claims/${id}`,
      `${ORIGIN}/fact-checks/${id}/embed/extra`,
      `${ORIGIN}/fact-checks/feed.xml`,
    ]) {
      const response = await oembed(new URLSearchParams({ url }).toString(), forged);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(await response.json()).toEqual({ error: expect.any(String) });
    }
  });

  it("answers 400 for a missing or broken url or size, and 501 for a format other than JSON", async () => {
    const url = pageUrl(published[0]!.id);
    for (const query of [
      "",
      "url=not%20an%20address",
      "url=javascript:alert(1)",
      `url=${encodeURIComponent(url)}&url=${encodeURIComponent(url)}`,
      `url=${encodeURIComponent(url)}&maxwidth=wide`,
      `url=${encodeURIComponent(url)}&maxheight=0`,
      `url=${encodeURIComponent(url)}&maxwidth=1.5`,
    ]) {
      const response = await oembed(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(await response.json()).toMatchObject({ error: expect.any(String), fields: expect.any(Object) });
    }
    const xml = await oembed(new URLSearchParams({ url, format: "xml" }).toString());
    expect(xml.status).toBe(501);
    expect(await xml.json()).toEqual({ error: expect.any(String) });
  });
});

describe("a retraction", () => {
  it("takes the fact-check out of the feeds, the sitemap and oEmbed", async () => {
    const retracted = published[1]!;
    await database.prisma.claim.update({
      where: { id: retracted.id },
      data: { retractedAt: new Date(), retractionReason: "The quoted figure was misread." },
    });
    const remaining = published.filter(({ id }) => id !== retracted.id).map(({ id }) => pageUrl(id));
    expect((await atomFeed()).entry.map((entry: { id: string }) => entry.id)).toEqual(remaining);
    expect((await jsonFeed()).items.map((item: { id: string }) => item.id)).toEqual(remaining);
    const urls = await everySitemapUrl();
    expect(urls.has(pageUrl(retracted.id))).toBe(false);
    for (const url of remaining) expect(urls.has(url)).toBe(true);
    expect((await oembed(new URLSearchParams({ url: pageUrl(retracted.id) }).toString())).status).toBe(404);
  });
});
