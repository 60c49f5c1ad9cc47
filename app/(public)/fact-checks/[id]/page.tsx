import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { VerdictBadge } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import { SectionCard } from "@/components/section-card";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { toClaimReview } from "@/domains/publishing/claim-review";
import { getPublishedClaim } from "@/domains/publishing/data";
import { factCheckMetadata } from "@/domains/publishing/metadata";
import { STANCE_LABELS } from "@/domains/sources/labels";
import { jsonLdScriptText } from "@/lib/json-ld";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

const loadPublishedClaim = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getPublishedClaim(id);
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await loadPublishedClaim((await params).id);
  if (!claim) return { title: "Fact-check not found" };
  return factCheckMetadata(claim);
}

/** The public page of a verified claim: no sign-in, and one ClaimReview in JSON-LD for search engines and aggregators. */
export default async function PublicFactCheckPage({ params }: Props) {
  const claim = await loadPublishedClaim((await params).id);
  if (!claim || !claim.verifiedAt) notFound();
  const claimReview = toClaimReview(claim, publishingContext(claim.id));

  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptText(claimReview) }} />
      <header className="space-y-3">
        <p className="text-sm font-medium tracking-wide text-slate-600 uppercase">Fact-check</p>
        <h1 className="text-2xl font-semibold tracking-tight">{claim.statement}</h1>
        <p className="flex flex-wrap items-center gap-2 text-lg">
          <span className="font-medium">Our verdict:</span> <VerdictBadge verdict={claim.verdict} />
        </p>
      </header>

      <SectionCard title="Why">
        <p className="mt-2 whitespace-pre-wrap">{claim.rationale}</p>
      </SectionCard>

      <SectionCard title="Where the claim appeared">
        <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 font-serif text-slate-800">
          “{claim.quote}”
        </blockquote>
        <p className="mt-2 text-sm text-slate-700">
          {claim.attributedTo ? `Attributed to ${claim.attributedTo}, in ` : "In "}
          {claim.article.url ? (
            <a
              href={claim.article.url}
              rel="noopener noreferrer nofollow"
              className="text-blue-800 underline underline-offset-2"
            >
              {claim.article.title}
            </a>
          ) : (
            claim.article.title
          )}
          {claim.article.publisher ? `, ${claim.article.publisher}` : ""},{" "}
          <FormattedDate date={claim.article.publishedAt} />.
        </p>
      </SectionCard>

      <SectionCard title={<>Sources ({claim.sources.length})</>}>
        <ul className="mt-3 space-y-2 text-sm">
          {claim.sources.map((source) => (
            <li key={source.id}>
              <a
                href={source.url}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="font-medium text-blue-800 underline underline-offset-2"
              >
                {source.title}
              </a>
              {source.publisher ? `, ${source.publisher}` : ""} — {STANCE_LABELS[source.stance]}
              {source.archiveUrl ? (
                <>
                  {" "}
                  (
                  <a
                    href={source.archiveUrl}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                    className="text-blue-800 underline underline-offset-2"
                  >
                    archived copy
                  </a>
                  )
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </SectionCard>

      <SectionCard title="Who checked it">
        <p className="mt-2 text-sm">
          {claim.proposedBy ? `Reviewed by ${claim.proposedBy.name}` : "Reviewed"}
          {claim.verifiedBy ? `, approved by ${claim.verifiedBy.name}` : ""} on{" "}
          <FormattedDate date={claim.verifiedAt} />.
        </p>
      </SectionCard>

      {claim.corrections.length > 0 ? (
        <SectionCard title="Corrections">
          <ul className="mt-2 space-y-2 text-sm">
            {claim.corrections.map((correction) => (
              <li key={correction.id}>
                <FormattedDate date={correction.reopenedAt} />: the verdict was changed from{" "}
                {VERDICT_LABELS[correction.previousVerdict]}
                {correction.newVerdict ? ` to ${VERDICT_LABELS[correction.newVerdict]}` : ""}. Reason:{" "}
                {correction.reason}
              </li>
            ))}
          </ul>
        </SectionCard>
      ) : null}
    </article>
  );
}
