import { z } from "zod";
import { articleIdPath } from "@/domains/articles/api";
import { claimIdPath } from "@/domains/claims/api";
import { VERDICT_LABELS, VERDICTS } from "@/domains/claims/labels";
import * as apiDoc from "@/lib/api-description";
import { EMBED_HEIGHT, EMBED_WIDTH, oembedQuerySchema } from "./oembed";
import { BEST_RATING, VERDICT_RATINGS, WORST_RATING } from "./rating";

const RATED_VERDICTS = VERDICTS.filter((verdict): verdict is keyof typeof VERDICT_RATINGS => verdict !== "unrated");

const unnumberedVerdicts = RATED_VERDICTS.filter((rated) => VERDICT_RATINGS[rated] === null).map((rated) =>
  VERDICT_LABELS[rated].toLowerCase(),
);

const organization = z.strictObject({ "@type": z.literal("Organization"), name: z.string() });

/** What `toClaimReview` writes: a schema.org ClaimReview, optional fields left out when there is nothing to say. */
const claimReviewSchema = z
  .strictObject({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("ClaimReview"),
    url: z.url().meta({ description: "The public page of this fact-check." }),
    claimReviewed: z.string().meta({ description: "The claim as one checkable sentence." }),
    datePublished: apiDoc.calendarDate.meta({ description: "When the verdict was verified." }),
    author: organization.extend({ url: z.url().optional() }).meta({ description: "The fact-checking organisation." }),
    reviewRating: z.strictObject({
      "@type": z.literal("Rating"),
      ratingValue: z
        .int()
        .min(WORST_RATING)
        .max(BEST_RATING)
        .optional()
        .meta({
          description: `${WORST_RATING} is false, ${BEST_RATING} true; absent for verdicts that say nothing about truth (${unnumberedVerdicts.join(", ")}).`,
        }),
      bestRating: z.literal(BEST_RATING),
      worstRating: z.literal(WORST_RATING),
      alternateName: z.enum(RATED_VERDICTS.map((rated) => VERDICT_LABELS[rated])).meta({ description: "The verdict." }),
      ratingExplanation: z.string().optional().meta({ description: "The rationale." }),
    }),
    itemReviewed: z.strictObject({
      "@type": z.literal("Claim"),
      author: z
        .strictObject({ "@type": z.enum(["Person", "Organization"]), name: z.string() })
        .optional()
        .meta({ description: "Whom the article attributes the claim to, else its author or publisher." }),
      datePublished: apiDoc.calendarDate,
      appearance: z.strictObject({
        "@type": z.literal("CreativeWork"),
        headline: z.string(),
        url: z.url().optional(),
        publisher: organization.optional(),
        datePublished: apiDoc.calendarDate,
      }),
    }),
  })
  .meta({ id: "ClaimReview", description: "A schema.org ClaimReview (https://schema.org/ClaimReview) as JSON-LD." });

/** What GET /api/oembed answers: an oEmbed 1.0 response of type `rich` (https://oembed.com, section 2.3). */
const oembedSchema = z
  .strictObject({
    version: z.literal("1.0"),
    type: z.literal("rich"),
    title: z.string().meta({ description: '"Fact-check: " and the claim.' }),
    provider_name: z.string().meta({ description: "The fact-checking organisation." }),
    provider_url: z.url(),
    html: z.string().meta({
      description:
        "An `<iframe>` of the fact-check's embed card (`/fact-checks/{id}/embed`), whose link opens the full fact-check in a new tab.",
    }),
    width: z
      .int()
      .min(1)
      .meta({ description: `At most ${EMBED_WIDTH}, and at most \`maxwidth\`.` }),
    height: z
      .int()
      .min(1)
      .meta({ description: `At most ${EMBED_HEIGHT}, and at most \`maxheight\`.` }),
  })
  .meta({ id: "OEmbed" });

const oembedQuery = apiDoc.describedQuery(oembedQuerySchema, {
  url: "The address of a published fact-check's page (`/fact-checks/{id}`) or embed card, on this site.",
  maxwidth: "The widest the embed may be, in pixels.",
  maxheight: "The tallest the embed may be, in pixels.",
  format: "`json`, the default; any other format (`xml`) answers 501.",
});

export const publishingApi: apiDoc.ApiDescription = {
  tags: [
    {
      name: "Publishing",
      description:
        "What is public without a session: verified fact-checks as schema.org ClaimReview, their embed cards through oEmbed, and this description.",
    },
  ],
  operations: [
    {
      path: "/api/claims/{id}/claimreview",
      method: "get",
      operation: {
        operationId: "getClaimReview",
        tags: ["Publishing"],
        summary: "Get the published fact-check of a claim",
        description:
          "Public: no session needed. A verified claim's fact-check as schema.org ClaimReview JSON-LD, for search engines and fact-check aggregators; its `url` is the public page of the fact-check.",
        security: apiDoc.PUBLIC,
        requestParams: { path: claimIdPath },
        responses: {
          "200": apiDoc.jsonResponse(claimReviewSchema, "The ClaimReview.", "application/ld+json"),
          "404": apiDoc.notFound("No verified claim has this id: a claim that is not verified is not published."),
          "410": apiDoc.errorResponse(
            "An editor retracted this fact-check (POST /api/claims/{id}/retract): `error` says when and why.",
          ),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/articles/{id}/claimreview",
      method: "get",
      operation: {
        operationId: "listArticleClaimReviews",
        tags: ["Publishing"],
        summary: "List the published fact-checks of an article",
        description:
          "Public: no session needed. The schema.org ClaimReview of each verified claim of the article, in article order, as JSON-LD; an empty array while none is verified. Retracted fact-checks are left out.",
        security: apiDoc.PUBLIC,
        requestParams: { path: articleIdPath },
        responses: {
          "200": apiDoc.jsonResponse(z.array(claimReviewSchema), "The ClaimReviews.", "application/ld+json"),
          "404": apiDoc.notFound("No article has this id."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
    {
      path: "/api/oembed",
      method: "get",
      operation: {
        operationId: "getOEmbed",
        tags: ["Publishing"],
        summary: "Get the embed of a published fact-check (oEmbed)",
        description:
          'Public: no session needed. oEmbed 1.0 for CMSs that embed a link: given the address of a published fact-check, a `rich` answer whose `html` frames its compact card. Other parameters are ignored, as oEmbed allows. The fact-check\'s page names this address in a `<link rel="alternate" type="application/json+oembed">`.',
        security: apiDoc.PUBLIC,
        requestParams: { query: oembedQuery },
        responses: {
          "200": apiDoc.jsonResponse(oembedSchema, "The embed."),
          "400": apiDoc.badRequest(
            "No `url`, a `url` that is not an http(s) address, or a size that is not a positive whole number.",
          ),
          "404": apiDoc.errorResponse(
            "The address is not a fact-check published here: another site, another page, an unknown, unverified or retracted fact-check.",
          ),
          "501": apiDoc.errorResponse("A format other than `json` was asked for."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
  ],
};
