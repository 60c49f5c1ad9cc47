/** Offsets are JavaScript string indices into the article body, as stored on each claim. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Span {
  id: number;
  startOffset: number;
  endOffset: number;
}

export interface Segment<S extends Span> extends TextRange {
  text: string;
  /** The spans covering this piece of text, innermost (shortest) first. */
  spans: S[];
}

/** Paragraphs are separated by blank lines; the ranges exclude the separating newlines. */
export function paragraphRanges(body: string): TextRange[] {
  const ranges: TextRange[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of body.matchAll(separator)) {
    pushTrimmed(body, start, match.index, ranges);
    start = match.index + match[0].length;
  }
  pushTrimmed(body, start, body.length, ranges);
  return ranges;
}

function pushTrimmed(body: string, start: number, end: number, ranges: TextRange[]) {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end > start) ranges.push({ start, end });
}

/** The paragraph(s) holding a span: one range from the first paragraph's start to the last one's end. */
export function enclosingParagraphs(body: string, span: Pick<Span, "startOffset" | "endOffset">): TextRange {
  const overlapping = paragraphRanges(body).filter(
    (range) => range.start < span.endOffset && range.end > span.startOffset,
  );
  const first = overlapping[0];
  const last = overlapping[overlapping.length - 1];
  if (!first || !last) return { start: span.startOffset, end: span.endOffset };
  return { start: Math.min(first.start, span.startOffset), end: Math.max(last.end, span.endOffset) };
}

/** Cuts a range of the body at every span boundary, so overlapping spans each keep their own text. */
export function segmentRange<S extends Span>(body: string, range: TextRange, spans: readonly S[]): Segment<S>[] {
  const inside = spans.filter((span) => span.startOffset < range.end && span.endOffset > range.start);
  const cuts = new Set<number>([range.start, range.end]);
  for (const span of inside) {
    cuts.add(Math.max(span.startOffset, range.start));
    cuts.add(Math.min(span.endOffset, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<S>[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const covering = inside
      .filter((span) => span.startOffset <= start && span.endOffset >= end)
      .sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset) || a.id - b.id);
    segments.push({ start, end, text: body.slice(start, end), spans: covering });
  }
  return segments;
}
