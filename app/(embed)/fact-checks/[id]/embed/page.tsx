import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { VERDICT_STYLES } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { getEmbedCard } from "@/domains/publishing/feed-data";
import { rationaleSummary } from "@/domains/publishing/feeds";
import { absoluteUrl, publishingOrganization } from "@/lib/site";
import { parseId } from "@/lib/validation";

const loadCard = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getEmbedCard(id);
});

type Props = { params: Promise<{ id: string }> };

// Like the fact-check's page: generated on the first request, then served from the cache until
// published data changes (lib/cache/handler.mjs).
export const revalidate = 60;

export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const card = await loadCard((await params).id);
  if (!card) return { title: "Fact-check not found" };
  return {
    title: `Fact-check: ${card.statement}`,
    alternates: { canonical: absoluteUrl(`/fact-checks/${card.id}`) },
  };
}

/**
 * A fact-check as a compact card that other sites frame (through oEmbed or by hand): the claim, the
 * verdict, why in short, and a link to the full fact-check that opens outside the frame.
 */
export default async function FactCheckEmbedPage({ params }: Props) {
  const card = await loadCard((await params).id);
  if (!card) notFound();
  const organization = publishingOrganization();
  const summary = rationaleSummary(card.rationale);

  return (
    <article className="flex h-screen flex-col gap-3 overflow-hidden rounded-lg border border-slate-300 bg-white p-4">
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">Fact-check · {organization.name}</p>
      <h1 className="line-clamp-3 text-lg leading-snug font-semibold">{card.statement}</h1>
      {card.retractedAt ? (
        <div className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-950 ring-2 ring-red-400 ring-inset">
          <p>
            <span className="text-xl font-bold">Retracted</span> on <FormattedDate date={card.retractedAt} />
            {card.retractionReason ? ":" : "."}
          </p>
          {card.retractionReason ? <p className="line-clamp-2">{card.retractionReason}</p> : null}
        </div>
      ) : (
        <>
          <p
            data-verdict={card.verdict}
            className={`flex items-baseline gap-2 self-start rounded-lg px-3 py-1.5 ring-2 ring-inset ${VERDICT_STYLES[card.verdict]}`}
          >
            <span className="text-xs font-semibold tracking-wide uppercase">
              Our verdict<span className="sr-only">:</span>
            </span>{" "}
            <span className="text-xl leading-tight font-bold">{VERDICT_LABELS[card.verdict]}</span>
          </p>
          {summary ? <p className="line-clamp-3 text-sm text-slate-800">{summary}</p> : null}
        </>
      )}
      <p className="mt-auto flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
        <a
          href={absoluteUrl(`/fact-checks/${card.id}`)}
          target="_blank"
          rel="noopener"
          className="font-medium text-blue-800 underline underline-offset-2"
        >
          Read the full fact-check<span className="sr-only"> (opens in a new tab)</span>
          <span aria-hidden="true"> ↗</span>
        </a>
        <span className="text-xs text-slate-600">
          Checked <FormattedDate date={card.verifiedAt} />
        </span>
      </p>
    </article>
  );
}
