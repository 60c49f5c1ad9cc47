import { enclosingParagraphs, segmentRange } from "@/lib/text/highlight";

/** The claim's paragraph with the exact quoted words marked. */
export function QuoteInContext({
  body,
  startOffset,
  endOffset,
}: {
  body: string;
  startOffset: number;
  endOffset: number;
}) {
  const range = enclosingParagraphs(body, { startOffset, endOffset });
  const segments = segmentRange(body, range, [{ id: 0, startOffset, endOffset }]);
  return (
    <p className="font-serif text-base leading-relaxed whitespace-pre-wrap text-slate-800">
      {segments.map((segment) =>
        segment.spans.length > 0 ? (
          <mark key={segment.start} className="rounded bg-yellow-200 px-0.5 text-slate-950">
            {segment.text}
          </mark>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
