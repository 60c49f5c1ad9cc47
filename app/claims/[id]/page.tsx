import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { StatusBadge, VerdictBadge } from "@/components/badges";
import { FormattedDate, FormattedDateTime } from "@/components/dates";
import { QuoteInContext } from "@/components/quote-in-context";
import { SectionCard } from "@/components/section-card";
import { getClaim } from "@/domains/claims/data";
import { parseId } from "@/lib/validation";

const loadClaim = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getClaim(id);
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await loadClaim((await params).id);
  return { title: claim ? `Claim #${claim.id}` : "Claim not found" };
}

export default async function ClaimPage({ params }: Props) {
  const claim = await loadClaim((await params).id);
  if (!claim) notFound();

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/claims" className="text-blue-800 underline underline-offset-2">
          Claims
        </Link>{" "}
        / #{claim.id}
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={claim.status} />
          <VerdictBadge verdict={claim.verdict} />
          <span className="text-sm text-slate-700">{claim.topic}</span>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight">{claim.statement}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Attributed to</dt>
          <dd>{claim.attributedTo ?? "The article itself (no attribution)"}</dd>
          <dt className="font-medium text-slate-700">Article</dt>
          <dd>
            <Link href={`/articles/${claim.article.id}#claim-${claim.id}`} className="text-blue-800 underline underline-offset-2">
              {claim.article.title}
            </Link>
            {claim.article.publisher ? `, ${claim.article.publisher}` : ""}, <FormattedDate date={claim.article.publishedAt} />
          </dd>
          <dt className="font-medium text-slate-700">Last change</dt>
          <dd>
            <FormattedDateTime date={claim.updatedAt} /> (version {claim.version})
          </dd>
        </dl>
      </header>

      <SectionCard title="In the article">
        <p className="mt-1 text-xs text-slate-600">
          Characters {claim.startOffset}–{claim.endOffset} of the article text; the quoted words are highlighted.
        </p>
        <div className="mt-3">
          <QuoteInContext body={claim.article.body} startOffset={claim.startOffset} endOffset={claim.endOffset} />
        </div>
      </SectionCard>

      <SectionCard title="Verdict">
        <p className="mt-2">
          <VerdictBadge verdict={claim.verdict} />
        </p>
        <p className="mt-2 text-sm text-slate-800">{claim.rationale ?? "No rationale yet: this claim has not been rated."}</p>
      </SectionCard>

      <SectionCard title={<>Sources ({claim.sources.length})</>}>
        {claim.sources.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No source has been attached yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {claim.sources.map((source) => (
              <li key={source.id} className="text-sm">
                <a
                  href={source.url}
                  rel="noopener noreferrer nofollow"
                  target="_blank"
                  className="font-medium text-blue-800 underline underline-offset-2"
                >
                  {source.title}
                </a>{" "}
                <span className="text-slate-700">
                  ({source.stance}){source.publisher ? ` · ${source.publisher}` : ""} · added by {source.addedBy.name}{" "}
                  <FormattedDateTime date={source.addedAt} />
                </span>
                {source.excerpt ? <blockquote className="mt-1 border-l-4 border-slate-200 pl-3">{source.excerpt}</blockquote> : null}
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <SectionCard title="History">
        {claim.events.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No change has been recorded for this claim yet.</p>
        ) : (
          <ol className="mt-3 space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
            {claim.events.map((event) => (
              <li key={event.id}>
                <FormattedDateTime date={event.createdAt} />: {event.actor?.name ?? "System"} — {event.action}
              </li>
            ))}
          </ol>
        )}
      </SectionCard>
    </article>
  );
}
