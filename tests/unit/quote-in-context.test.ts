import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuoteInContext } from "@/components/quote-in-context";

/** The text the page shows around a quote, with the quoted words in [brackets]. */
function shown(body: string, quote: string): string {
  const startOffset = body.indexOf(quote);
  const html = renderToStaticMarkup(
    createElement(QuoteInContext, { body, startOffset, endOffset: startOffset + quote.length }),
  );
  return html
    .replace(/<mark[^>]*>(.*?)<\/mark>/g, "[$1]")
    .replace(/<[^>]+>/g, "")
    .replaceAll("&#x27;", "'");
}

const filler = (count: number, word: string) =>
  Array.from({ length: count }, (_, index) => `${word} sentence number ${index + 1} says little.`).join(" ");

describe("QuoteInContext", () => {
  it("shows a short paragraph whole, and only the paragraph holding the quote", () => {
    const body = "First paragraph.\n\nThe army retook Kidal in November 2023, officials said.\n\nLast paragraph.";
    expect(shown(body, "retook Kidal")).toBe("The army [retook Kidal] in November 2023, officials said.");
  });

  it("cuts a long paragraph to whole sentences around the quote, an ellipsis marking each cut", () => {
    const quote = "UNICEF estimates that 7.1 million people need assistance.";
    const body = `${filler(20, "Before")} ${quote} ${filler(20, "After")}`;
    const text = shown(body, quote);
    expect(text).toContain(`[${quote}]`);
    expect(text.startsWith("… Before sentence number")).toBe(true);
    expect(text.endsWith("says little. …")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(900 + 4);
    // The sentence right after the quote is kept: a claim is usually explained after it is made.
    expect(text).toContain("After sentence number 1 says little.");
  });

  it("cuts a single very long sentence at word boundaries either side of the quote", () => {
    const words = Array.from({ length: 400 }, (_, index) => `word${index}`);
    words.splice(200, 0, "THE QUOTED WORDS");
    const body = `${words.join(" ")}.`;
    const text = shown(body, "THE QUOTED WORDS");
    expect(text).toMatch(/^… word\d+ .*\[THE QUOTED WORDS\].* word\d+ …$/);
    expect(text.length).toBeLessThanOrEqual(900 + 4);
  });
});
