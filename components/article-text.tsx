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

/**
 * The whole article with each claim as a link coloured by status. Where claims overlap,
 * each piece of text links to the innermost claim covering it; the glyph and the hidden
 * label after a claim's last piece give its status without relying on colour.
 */
export function ArticleText({ body, claims }: { body: string; claims: HighlightedClaim[] }) {
  const lastSegmentEnd = new Map(claims.map((claim) => [claim.id, claim.endOffset]));
  return (
    <div className="space-y-4 font-serif text-base leading-relaxed text-slate-900">
      {paragraphRanges(body).map((paragraph) => (
        <p key={paragraph.start} className="whitespace-pre-wrap">
          {segmentRange(body, paragraph, claims).map((segment) => {
            const claim = segment.spans[0];
            if (!claim) return <span key={segment.start}>{segment.text}</span>;
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
                {segment.text}
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
