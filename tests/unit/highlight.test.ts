import { describe, expect, it } from "vitest";
import { enclosingParagraphs, paragraphRanges, segmentRange } from "@/lib/text/highlight";

const body = "\n\nTitle line\n\nFirst sentence here. Second one.\n\n  \nLast paragraph\n";

describe("paragraphRanges", () => {
  it("splits on blank lines and trims the separators", () => {
    const texts = paragraphRanges(body).map((range) => body.slice(range.start, range.end));
    expect(texts).toEqual(["Title line", "First sentence here. Second one.", "Last paragraph"]);
  });
});

describe("enclosingParagraphs", () => {
  it("returns the paragraph holding a span", () => {
    const start = body.indexOf("Second one.");
    const range = enclosingParagraphs(body, { startOffset: start, endOffset: start + 6 });
    expect(body.slice(range.start, range.end)).toBe("First sentence here. Second one.");
  });

  it("joins the paragraphs a span crosses", () => {
    const start = body.indexOf("Second");
    const end = body.indexOf("Last") + 4;
    const range = enclosingParagraphs(body, { startOffset: start, endOffset: end });
    expect(body.slice(range.start, range.end)).toBe("First sentence here. Second one.\n\n  \nLast paragraph");
  });
});

describe("segmentRange", () => {
  const paragraph = paragraphRanges(body)[1]!;
  const start = paragraph.start;

  it("covers the paragraph exactly, marking the spans", () => {
    const segments = segmentRange(body, paragraph, [{ id: 1, startOffset: start + 6, endOffset: start + 14 }]);
    expect(segments.map((segment) => segment.text).join("")).toBe(body.slice(paragraph.start, paragraph.end));
    expect(segments.filter((segment) => segment.spans.length > 0).map((segment) => segment.text)).toEqual(["sentence"]);
  });

  it("gives overlapping text to the innermost span and keeps the rest of the outer one", () => {
    const outer = { id: 1, startOffset: start, endOffset: start + 20 };
    const inner = { id: 2, startOffset: start + 6, endOffset: start + 14 };
    const segments = segmentRange(body, paragraph, [outer, inner]).filter((segment) => segment.spans.length > 0);
    expect(segments.map((segment) => [segment.text, segment.spans[0]!.id])).toEqual([
      ["First ", 1],
      ["sentence", 2],
      [" here.", 1],
    ]);
  });
});
