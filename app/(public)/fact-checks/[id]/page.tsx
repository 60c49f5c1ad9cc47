import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FormattedDate } from "@/components/dates";
import { RetractionNotice, VerdictRating } from "@/components/public/verdict-rating";
import { QuoteInContext } from "@/components/quote-in-context";
import { SectionCard } from "@/components/section-card";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { toClaimReview } from "@/domains/publishing/claim-review";
import { getPublishedFactCheck } from "@/domains/publishing/data";
import { factCheckMetadata } from "@/domains/publishing/metadata";
import { STANCE_LABELS } from "@/domains/sources/labels";
import { jsonLdScriptText } from "@/lib/json-ld";
import { publishingContext } from "@/lib/site";
import { parseId } from "@/lib/validation";

const loadPublishedClaim = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getPublishedFactCheck(id);
});

type Props = { params: Promise<{ id: string }> };

// Generated on a reader's first visit, then served from the cache until published data changes
// (lib/cache/handler.mjs); 60 s is what shared caches are told they may keep it.
export const revalidate = 60;

export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await loadPublishedClaim((await params).id);
  if (!claim) return { title: "Fact-check not found" };
  return factCheckMetadata(claim);
}

/**
 * The public page of a verified claim: no sign-in, and one ClaimReview in JSON-LD for search engines and
 * aggregators. The verdict is the page's most prominent thing, right under the claim; a retracted
 * fact-check shows the retraction in its place (and no ClaimReview).
 */
export default async function PublicFactCheckPage({ params }: Props) {
  const claim = await loadPublishedClaim((await params).id);
  if (!claim) notFound();
  const claimReview = claim.retractedAt ? null : toClaimReview(claim, publishingContext(claim.id));
  const updated = claim.lastUpdatedAt.getTime() !== claim.firstPublishedAt.getTime(); // corrected or retracted

  return (
    <article className="space-y-6">
      {claimReview ? (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScriptText(claimReview) }} />
      ) : null}
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex flex-wrap gap-x-2 gap-y-1 text-slate-700">
          <li>
            <Link href="/fact-checks" className="text-blue-800 underline underline-offset-2">
              Fact-checks
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link
              href={`/fact-checks/articles/${claim.article.id}`}
              className="text-blue-800 underline underline-offset-2"
            >
              {claim.article.title}
            </Link>
          </li>
        </ol>
      </nav>

      <header className="space-y-3">
        <h1 className="text-2xl leading-snug font-semibold tracking-tight sm:text-3xl">{claim.statement}</h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>
            Published <FormattedDate date={claim.firstPublishedAt} />
          </span>
          {updated ? (
            <span>
              Updated <FormattedDate date={claim.lastUpdatedAt} />
            </span>
          ) : null}
        </p>
      </header>

      {claim.retractedAt ? (
        <RetractionNotice retractedAt={claim.retractedAt} reason={claim.retractionReason} />
      ) : (
        <VerdictRating verdict={claim.verdict}>
          <h3 className="text-sm font-semibold">Why</h3>
          <p className="mt-1 whitespace-pre-wrap">{claim.rationale}</p>
        </VerdictRating>
      )}

      <SectionCard title="Where the claim appeared">
        <div className="mt-3 border-l-4 border-slate-300 pl-3">
          <QuoteInContext body={claim.article.body} startOffset={claim.startOffset} endOffset={claim.endOffset} />
        </div>
        <p className="mt-3 text-sm text-slate-700">
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
        <p className="mt-2 text-sm">
          <Link
            href={`/fact-checks/articles/${claim.article.id}`}
            className="font-medium text-blue-800 underline underline-offset-2"
          >
            Every claim we checked in this article
          </Link>
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
          <ul className="mt-2 space-y-3 text-sm">
            {claim.corrections.map((correction) => (
              <li key={correction.id}>
                <FormattedDate date={correction.resolvedAt ?? correction.reopenedAt} />: the verdict was changed from{" "}
                {VERDICT_LABELS[correction.previousVerdict]}
                {correction.newVerdict ? ` to ${VERDICT_LABELS[correction.newVerdict]}` : ""}. Why: {correction.reason}
              </li>
            ))}
          </ul>
        </SectionCard>
      ) : null}

      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/fact-checks" className="text-blue-800 underline underline-offset-2">
          All fact-checks
        </Link>
        <Link href="/corrections" className="text-blue-800 underline underline-offset-2">
          Corrections log
        </Link>
      </p>
    </article>
  );
}
