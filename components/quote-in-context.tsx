import { enclosingParagraphs, segmentRange, type TextRange } from "@/lib/text/highlight";

/** Longer paragraphs are cut to the sentences nearest the quote, so the quote stays the thing one reads. */
const MAX_CONTEXT_CHARACTERS = 900;

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * The part of `paragraph` to show around the quote: all of it when short; otherwise the quote's own
 * sentences, then neighbouring sentences while they fit, and, when the quote's sentence alone is too
 * long, the words either side of the quote up to the limit.
 */
function contextAround(body: string, paragraph: TextRange, quote: TextRange): TextRange {
  if (paragraph.end - paragraph.start <= MAX_CONTEXT_CHARACTERS) return paragraph;
  const bounds = [...sentences.segment(body.slice(paragraph.start, paragraph.end))].map(({ index, segment }) => ({
    start: paragraph.start + index,
    end: paragraph.start + index + segment.trimEnd().length,
  }));
  let first = bounds.findIndex((sentence) => sentence.end > quote.start);
  let last = bounds.findLastIndex((sentence) => sentence.start < quote.end);
  if (first < 0 || last < 0) return quote;
  const fits = (from: number, to: number) =>
    from >= 0 && to < bounds.length && bounds[to]!.end - bounds[from]!.start <= MAX_CONTEXT_CHARACTERS;
  if (!fits(first, last)) {
    const margin = Math.max(0, Math.floor((MAX_CONTEXT_CHARACTERS - (quote.end - quote.start)) / 2));
    return wordAligned(body, {
      start: Math.max(bounds[first]!.start, quote.start - margin),
      end: Math.min(bounds[last]!.end, quote.end + margin),
    });
  }
  // Widen a sentence at a time, the following one first: a claim is usually explained after it is made.
  for (let widened = true; widened;) {
    widened = false;
    if (fits(first, last + 1)) [last, widened] = [last + 1, true];
    if (fits(first - 1, last)) [first, widened] = [first - 1, true];
  }
  return { start: bounds[first]!.start, end: bounds[last]!.end };
}

/** Moves a cut inwards to the nearest space, so no word is shown in part. */
function wordAligned(body: string, range: TextRange): TextRange {
  const start = body.indexOf(" ", range.start);
  const end = body.lastIndexOf(" ", range.end);
  return {
    start: start >= 0 && start < range.end ? start + 1 : range.start,
    end: end > range.start ? end : range.end,
  };
}

/**
 * The claim's paragraph with the exact quoted words marked; a very long paragraph is cut around the
 * quote, an ellipsis marking each cut.
 */
export function QuoteInContext({
  body,
  startOffset,
  endOffset,
}: {
  body: string;
  startOffset: number;
  endOffset: number;
}) {
  const quote = { start: startOffset, end: endOffset };
  const paragraph = enclosingParagraphs(body, { startOffset, endOffset });
  const shown = contextAround(body, paragraph, quote);
  // The quote itself is never cut, whatever the limit.
  const range = { start: Math.min(shown.start, quote.start), end: Math.max(shown.end, quote.end) };
  const segments = segmentRange(body, range, [{ id: 0, startOffset, endOffset }]);
  return (
    <p className="font-serif text-base leading-relaxed whitespace-pre-wrap text-slate-800">
      {range.start > paragraph.start ? "… " : null}
      {segments.map((segment) =>
        segment.spans.length > 0 ? (
          <mark key={segment.start} className="rounded bg-yellow-200 px-0.5 text-slate-950">
            {segment.text}
          </mark>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
      {range.end < paragraph.end ? " …" : null}
    </p>
  );
}
