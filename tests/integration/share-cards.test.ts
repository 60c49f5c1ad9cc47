/**
 * Share cards of the public fact-check pages: the generated image (app/(public)/fact-checks/[id]/
 * opengraph-image.tsx) is a 1200x630 PNG drawn with the font shipped in assets/fonts, for published
 * fact-checks only; the page's head (domains/publishing/metadata.ts) names the canonical address, the
 * Open Graph and Twitter cards and the oEmbed address, all from configuration, never from a request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let shareCard: typeof import("@/app/(public)/fact-checks/[id]/opengraph-image").default;
let publishedId: number;
let unpublishedId: number;

beforeAll(async () => {
  database = await cloneSeededDatabase("share_cards");
  process.env.DATABASE_URL = database.url;
  process.env.BETTER_AUTH_URL = "https://factchecks.example";
  shareCard = (await import("@/app/(public)/fact-checks/[id]/opengraph-image")).default;
  const reviewer = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO.reviewer1 } });
  const [first, second] = await database.prisma.claim.findMany({ orderBy: { id: "asc" }, take: 2 });
  publishedId = first!.id;
  unpublishedId = second!.id;
  await database.prisma.claim.update({
    where: { id: publishedId },
    data: {
      status: "verified",
      verdict: "mostly_true",
      rationale: "Two agency reports give the same figure for the same year.",
      proposedById: reviewer.id,
      verifiedAt: new Date("2026-11-20T09:00:00Z"),
    },
  });
});
afterAll(async () => {
  await database.drop();
  delete process.env.BETTER_AUTH_URL;
});

const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

/** A PNG's width and height, from its header chunk (IHDR), which always comes first. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("the share card image", () => {
  it("is a 1200x630 PNG for a published fact-check", async () => {
    const response = await shareCard(params(publishedId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // A card with its text drawn, not an empty frame: a blank 1200x630 PNG compresses to a few hundred bytes.
    expect(bytes.byteLength).toBeGreaterThan(10_000);
  });

  it("does not exist for an unverified, unknown or malformed id", async () => {
    for (const id of [unpublishedId, 999_999, "abc"]) {
      expect({ id, status: (await shareCard(params(id))).status }).toEqual({ id, status: 404 });
    }
  });
});

describe("the head of a fact-check's page", () => {
  it("names its canonical address, share cards and oEmbed address from configuration", async () => {
    const { factCheckMetadata } = await import("@/domains/publishing/metadata");
    const { getPublishedClaim } = await import("@/domains/publishing/data");
    const claim = (await getPublishedClaim(publishedId))!;
    const page = `https://factchecks.example/fact-checks/${publishedId}`;
    const metadata = factCheckMetadata(claim);
    // A long claim is cut at a word: a title is read in a tab or a search result.
    const title =
      "Fact-check: Mali's junta organised the inter-Malian dialogue a few days after the official end of the political transition on 26…";
    expect(metadata).toEqual({
      title,
      description: "Mostly true. Two agency reports give the same figure for the same year.",
      alternates: {
        canonical: page,
        types: {
          "application/json+oembed": `https://factchecks.example/api/oembed?url=${encodeURIComponent(page)}&format=json`,
        },
      },
      openGraph: {
        type: "article",
        url: page,
        title,
        description: "Mostly true. Two agency reports give the same figure for the same year.",
        siteName: expect.any(String),
        publishedTime: "2026-11-20T09:00:00.000Z",
        modifiedTime: "2026-11-20T09:00:00.000Z",
      },
      twitter: {
        card: "summary_large_image",
        title,
        description: "Mostly true. Two agency reports give the same figure for the same year.",
      },
    });
  });
});
