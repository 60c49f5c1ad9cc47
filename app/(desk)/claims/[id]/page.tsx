import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { ClaimVerdictBadge, StatusBadge } from "@/components/badges";
import { FormattedDate, FormattedDateTime } from "@/components/dates";
import { QuoteInContext } from "@/components/quote-in-context";
import { SectionCard } from "@/components/section-card";
import { getClaim } from "@/domains/claims/data";
import { findSimilarClaims, getDuplicateTarget } from "@/domains/claims/duplicates-data";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import {
  type ClaimFacts,
  duplicateOffers,
  mayCreateClaim,
  mayRetract,
  verdictWriterIds,
  workflowOffers,
} from "@/domains/claims/rules";
import { mayAddSource, mayEditSource, mayRemoveSource } from "@/domains/sources/rules";
import { listAssignableUsers } from "@/domains/users/data";
import { getCurrentUser, requireUser } from "@/domains/users/session";
import { parseId } from "@/lib/validation";
import { DuplicatesPanel } from "./duplicates-panel";
import { CollapsibleHistory } from "./history-timeline";
import { RetractionPanel } from "./retraction-panel";
import { SourcesPanel } from "./sources-panel";
import { WorkflowPanel } from "./workflow-panel";

const loadClaim = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getClaim(id);
});

const sentBackSchema = z.object({ comment: z.string().min(1) });

/** A send-back's comment, as its event recorded it. */
function commentOf(after: unknown): string | null {
  const parsed = sentBackSchema.safeParse(after);
  return parsed.success ? parsed.data.comment : null;
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getCurrentUser())) return { title: "Sign in" };
  const claim = await loadClaim((await params).id);
  return { title: claim ? `Claim #${claim.id}` : "Claim not found" };
}

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireUser(`/claims/${id}`);
  const [claim, users] = await Promise.all([loadClaim(id), listAssignableUsers()]);
  if (!claim) notFound();
  const [similar, original] = await Promise.all([
    findSimilarClaims(claim.id),
    claim.duplicateOf ? getDuplicateTarget(claim.duplicateOf.id) : null,
  ]);
  const attachedUrls = new Set(claim.sources.map((source) => source.url));
  const people = new Map(users.map((user) => [user.id, user.name]));
  // The rules the server applies, asked of the claim as loaded: the page offers only what they allow.
  const facts: ClaimFacts = {
    status: claim.status,
    assigneeId: claim.assignee?.id ?? null,
    proposedById: claim.proposedBy?.id ?? null,
    verdictWriterIds: verdictWriterIds(claim.events),
    retractedAt: claim.retractedAt,
  };
  const workflow = workflowOffers(viewer, facts);
  // Those who place claims in an article's text read its character offsets; to everyone else they are noise.
  const showOffsets = mayCreateClaim(viewer).allowed;
  const sources = claim.sources.map((source) => ({
    ...source,
    changes: {
      edit: mayEditSource(viewer, facts, source).allowed,
      remove: mayRemoveSource(viewer, facts, source).allowed,
    },
  }));

  // What reviewers asked of the verdict when they sent it back: kept beside the verdict, so the one who
  // reworks it and the next reviewer read it without opening the history.
  const reviewComments = claim.events.flatMap((event) => {
    const comment = event.action === "sent_back" ? commentOf(event.after) : null;
    return comment ? [{ id: event.id, by: event.actor?.name ?? "A reviewer", at: event.createdAt, comment }] : [];
  });

  // One column on a phone, in reading order: the claim, its sources, then the review panel and the history.
  // The panel comes after the sources rather than first: a reviewer on a phone reads the quote and the
  // evidence before deciding, and a proposal needs a source anyway. What they need before reading (the
  // status, the verdict so far) is in the claim's header line, with a link down to the panel.
  return (
    <article className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/claims" className="text-blue-800 underline underline-offset-2">
          Claims
        </Link>{" "}
        / #{claim.id}
      </nav>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] lg:items-start">
        <div className="min-w-0 space-y-6">
          <header className="space-y-3">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={claim.status} />
              <ClaimVerdictBadge status={claim.status} verdict={claim.verdict} />
              {claim.retractedAt ? (
                <span className="inline-flex items-center rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900 ring-1 ring-red-300 ring-inset">
                  Retracted
                </span>
              ) : null}
              <span className="text-sm text-slate-700">{claim.topic}</span>
              <a href="#review" className="ml-auto text-sm text-blue-800 underline underline-offset-2 lg:hidden">
                Go to the review
              </a>
            </div>
            <h1 className="text-xl font-semibold tracking-tight text-pretty sm:text-2xl">{claim.statement}</h1>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium text-slate-700">Attributed to</dt>
              <dd>{claim.attributedTo ?? "The article itself (no attribution)"}</dd>
              <dt className="font-medium text-slate-700">Article</dt>
              <dd>
                <Link
                  href={`/articles/${claim.article.id}#claim-${claim.id}`}
                  className="text-blue-800 underline underline-offset-2"
                >
                  {claim.article.title}
                </Link>
                {claim.article.publisher ? `, ${claim.article.publisher}` : ""},{" "}
                <FormattedDate date={claim.article.publishedAt} />
              </dd>
            </dl>
          </header>

          <SectionCard title="In the article">
            <div className="mt-3">
              <QuoteInContext body={claim.article.body} startOffset={claim.startOffset} endOffset={claim.endOffset} />
            </div>
            {showOffsets ? (
              <details className="mt-3 text-xs text-slate-600">
                <summary className="cursor-pointer">Character offsets</summary>
                Characters {claim.startOffset}–{claim.endOffset} of the article text.
              </details>
            ) : null}
          </SectionCard>

          <SectionCard title={<>Sources ({claim.sources.length})</>}>
            <SourcesPanel
              claimId={claim.id}
              version={claim.version}
              mayAdd={mayAddSource(viewer, facts).allowed}
              sources={sources}
            />
          </SectionCard>

          <SectionCard title="Earlier fact-checks like this one">
            <DuplicatesPanel
              claimId={claim.id}
              version={claim.version}
              offers={duplicateOffers(viewer, facts, original)}
              duplicateOf={
                original
                  ? {
                      id: original.id,
                      statement: original.statement,
                      status: original.status,
                      verdict: original.verdict,
                      newSourceCount: original.sources.filter((source) => !attachedUrls.has(source.url)).length,
                    }
                  : null
              }
              similar={similar}
            />
          </SectionCard>
        </div>

        {/* Beside the claim on a desktop, spanning both rows so it stays in view down to the history; its own
            scroll when taller than the window, so its buttons never sit below the fold. */}
        <div
          id="review"
          className="scroll-mt-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:rounded-lg"
        >
          <SectionCard title="Review">
            <dl className="mt-3 grid grid-cols-[max-content_1fr] items-baseline gap-x-4 gap-y-2 text-sm">
              <dt className="font-medium text-slate-700">Status</dt>
              <dd>
                <StatusBadge status={claim.status} />
              </dd>
              <dt className="font-medium text-slate-700">Verdict</dt>
              <dd>
                <ClaimVerdictBadge status={claim.status} verdict={claim.verdict} />
              </dd>
              <dt className="font-medium text-slate-700">Assignee</dt>
              <dd>{claim.assignee?.name ?? "Unassigned"}</dd>
              {claim.verifiedBy && claim.verifiedAt ? (
                <>
                  <dt className="font-medium text-slate-700">Verified</dt>
                  <dd>
                    by {claim.verifiedBy.name}, <FormattedDateTime date={claim.verifiedAt} />
                    {claim.proposedBy ? ` (proposed by ${claim.proposedBy.name})` : ""} ·{" "}
                    <Link href={`/fact-checks/${claim.id}`} className="text-blue-800 underline underline-offset-2">
                      public fact-check page
                    </Link>
                  </dd>
                </>
              ) : null}
              {claim.retractedAt ? (
                <>
                  <dt className="font-medium text-red-800">Retracted</dt>
                  <dd>
                    by {claim.retractedBy?.name ?? "an editor"}, <FormattedDateTime date={claim.retractedAt} />
                    <span className="block whitespace-pre-wrap text-slate-800">“{claim.retractionReason}”</span>
                  </dd>
                </>
              ) : null}
              <dt className="font-medium text-slate-700">Last change</dt>
              <dd>
                <FormattedDateTime date={claim.updatedAt} />
                <span className="block text-xs text-slate-600">Version {claim.version}</span>
              </dd>
            </dl>
            {/* Whoever may edit the verdict reads the saved rationale in its form instead. */}
            {workflow.draft || !claim.rationale ? null : (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <h3 className="text-sm font-semibold">Rationale</h3>
                <p className="mt-1 text-sm whitespace-pre-wrap text-slate-800">{claim.rationale}</p>
              </div>
            )}
            {reviewComments.length > 0 ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <h3 className="text-sm font-semibold">Review comments</h3>
                <ol className="mt-1 space-y-2 text-sm">
                  {reviewComments.map((review) => (
                    <li key={review.id}>
                      <p className="whitespace-pre-wrap text-slate-800">“{review.comment}”</p>
                      <p className="text-xs text-slate-600">
                        {review.by}, <FormattedDateTime date={review.at} />
                      </p>
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            <div className="mt-4 border-t border-slate-200 pt-4">
              <WorkflowPanel
                claimId={claim.id}
                version={claim.version}
                verdict={claim.verdict}
                rationale={claim.rationale}
                assignee={claim.assignee}
                proposedBy={claim.proposedBy}
                offers={workflow}
                assignableUsers={workflow.assign ? users : []}
              />
            </div>
            <RetractionPanel claimId={claim.id} version={claim.version} offered={mayRetract(viewer, facts).allowed} />
          </SectionCard>
        </div>

        <div className="min-w-0 space-y-6 lg:col-start-1">
          {claim.corrections.length > 0 ? (
            <SectionCard title="Corrections">
              <ol className="mt-3 space-y-3 text-sm">
                {claim.corrections.map((correction) => (
                  <li key={correction.id}>
                    <p>
                      Reopened by {correction.reopenedBy.name}, <FormattedDateTime date={correction.reopenedAt} />:{" "}
                      {correction.reason}
                    </p>
                    <p className="text-slate-700">
                      Was {VERDICT_LABELS[correction.previousVerdict]}
                      {correction.newVerdict && correction.resolvedAt ? (
                        <>
                          ; corrected to {VERDICT_LABELS[correction.newVerdict]} on{" "}
                          <FormattedDateTime date={correction.resolvedAt} />
                        </>
                      ) : (
                        "; the correction is in progress"
                      )}
                      .
                    </p>
                  </li>
                ))}
              </ol>
            </SectionCard>
          ) : null}

          <CollapsibleHistory events={claim.events} people={people} showOffsets={showOffsets} />
        </div>
      </div>
    </article>
  );
}
