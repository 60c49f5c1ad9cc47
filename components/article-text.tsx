import Link from "next/link";
import { STATUS_GLYPHS } from "@/components/badges";
import { STATUS_LABELS } from "@/domains/claims/labels";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { paragraphRanges, segmentRange } from "@/lib/text/highlight";

export interface HighlightedClaim {
  id: number;
  startOffset: number;
  endOffset: number;
  statement: string;
  status: ReviewStatus;
}

const HIGHLIGHT: Record<ReviewStatus, string> = {
  unreviewed: "bg-slate-200/70 decoration-slate-500 decoration-dotted",
  in_progress: "bg-amber-100 decoration-amber-600 decoration-dashed",
  awaiting_second_review: "bg-violet-100 decoration-violet-600 decoration-wavy",
  verified: "bg-emerald-100 decoration-emerald-700 decoration-solid",
};

/** A suggested span, shown apart from claims; `id` is its rank, best first, from 1. */
export interface HighlightedSuggestion {
  id: number;
  startOffset: number;
  endOffset: number;
}

/** Each piece of text says where it starts in the body, so a selection maps back to exact offsets. */
function Piece({ start, text }: { start: number; text: string }) {
  return <span data-offset={start}>{text}</span>;
}

/**
 * The whole article with each claim as a link coloured by status. Where claims overlap,
 * each piece of text links to the innermost claim covering it; the glyph and the hidden
 * label after a claim's last piece give its status without relying on colour. Suggested spans
 * (editors only) are marked with a blue outline and their rank, apart from claims.
 */
export function ArticleText({
  body,
  claims,
  suggestions = [],
}: {
  body: string;
  claims: HighlightedClaim[];
  suggestions?: HighlightedSuggestion[];
}) {
  const lastSegmentEnd = new Map(claims.map((claim) => [claim.id, claim.endOffset]));
  const spans = [
    ...claims.map((claim) => ({ ...claim, kind: "claim" as const })),
    ...suggestions.map((suggestion) => ({ ...suggestion, kind: "suggestion" as const })),
  ];
  return (
    <div className="space-y-4 font-serif text-base leading-relaxed text-slate-900">
      {paragraphRanges(body).map((paragraph) => (
        <p key={paragraph.start} className="whitespace-pre-wrap">
          {segmentRange(body, paragraph, spans).map((segment) => {
            const span = segment.spans.find((candidate) => candidate.kind === "claim") ?? segment.spans[0];
            if (!span) return <Piece key={segment.start} start={segment.start} text={segment.text} />;
            if (span.kind === "suggestion") {
              return (
                <mark
                  key={segment.start}
                  data-suggestion={span.id}
                  className="rounded-sm bg-sky-50 text-slate-950 outline-2 outline-sky-600 outline-dashed"
                >
                  <Piece start={segment.start} text={segment.text} />
                  {span.endOffset === segment.end ? (
                    <sup className="ml-0.5 font-sans text-[0.65rem] text-sky-900">
                      <span aria-hidden="true">S{span.id}</span>
                      <span className="sr-only"> (suggestion {span.id})</span>
                    </sup>
                  ) : null}
                </mark>
              );
            }
            const claim = span;
            const endsHere = lastSegmentEnd.get(claim.id) === segment.end;
            return (
              <Link
                key={segment.start}
                id={segment.start === claim.startOffset ? `claim-${claim.id}` : undefined}
                href={`/claims/${claim.id}`}
                title={`Claim #${claim.id} (${STATUS_LABELS[claim.status]}): ${claim.statement}`}
                data-claim-id={claim.id}
                data-status={claim.status}
                className={`rounded-sm text-slate-950 underline decoration-2 underline-offset-4 hover:bg-yellow-200 ${HIGHLIGHT[claim.status]}`}
              >
                <Piece start={segment.start} text={segment.text} />
                {endsHere ? (
                  <>
                    <sup aria-hidden="true" className="ml-0.5 font-sans text-[0.65rem] text-slate-700">
                      {STATUS_GLYPHS[claim.status]}
                      {claim.id}
                    </sup>
                    <span className="sr-only">
                      {" "}
                      (claim {claim.id}, {STATUS_LABELS[claim.status]})
                    </span>
                  </>
                ) : null}
              </Link>
            );
          })}
        </p>
      ))}
    </div>
  );
}

export function StatusLegend() {
  return (
    <ul aria-label="Highlight legend" className="flex flex-wrap gap-3 text-xs text-slate-800">
      {(Object.keys(HIGHLIGHT) as ReviewStatus[]).map((status) => (
        <li key={status} className="flex items-center gap-1">
          <span className={`rounded-sm px-1 underline decoration-2 underline-offset-4 ${HIGHLIGHT[status]}`}>
            {STATUS_GLYPHS[status]} text
          </span>
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}
