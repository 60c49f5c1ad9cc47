import { describe, expect, it } from "vitest";
import { htmlToArticleText, normalisePlainText } from "@/domains/articles/html";
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from "@/domains/articles/limits";
import { paragraphRanges } from "@/lib/text/highlight";
import { IMPORT_FIXTURE, importFixtureHtml } from "@/tests/fixtures/article-import";

/** The text an HTML input reduces to; a refusal fails the test. */
function readableText(html: string): string {
  const reduced = htmlToArticleText(html);
  if ("refused" in reduced) throw new Error(`Refused: ${reduced.refused}`);
  return reduced.text;
}

function refusal(html: string): string | undefined {
  const reduced = htmlToArticleText(html);
  return "refused" in reduced ? reduced.refused : undefined;
}

describe("htmlToArticleText", () => {
  it("keeps paragraphs apart with one blank line and collapses whitespace inside them", () => {
    expect(readableText("<p>  First\n   paragraph,\twrapped  over\r\nlines. </p>\n\n\n<p>Second.</p>")).toBe(
      "First paragraph, wrapped over lines.\n\nSecond.",
    );
  });

  it("decodes named, decimal and hexadecimal entities, and keeps a no-break space as text", () => {
    expect(readableText("<p>Caf&eacute; &amp; th&#233; &#x2014; &ldquo;38&nbsp;%&rdquo; &lt;b&gt;</p>")).toBe(
      "Café & thé — “38\u00a0%” <b>",
    );
  });

  it("turns <br> into a line break, and two of them into a new paragraph", () => {
    expect(readableText("<p>Line one<br>Line two<br/>Line three</p>")).toBe("Line one\nLine two\nLine three");
    expect(readableText("<p>Before<br><br>After</p>")).toBe("Before\n\nAfter");
  });

  it("puts headings in paragraphs of their own and each list item on its own line", () => {
    const html = `<article>
      <h2>Aid falls short</h2><p>Intro.</p>
      <ul><li>Millet</li><li>Sorghum <em>and</em> maize</li></ul>
      <ol start="3"><li>Third</li><li>Fourth</li></ol>
      <h3>Next</h3><p>End.</p>
    </article>`;
    expect(readableText(html)).toBe(
      "Aid falls short\n\nIntro.\n\n- Millet\n- Sorghum and maize\n\n3. Third\n4. Fourth\n\nNext\n\nEnd.",
    );
  });

  it("keeps a nested list inside its item's paragraph, one line each", () => {
    expect(readableText("<ul><li>Fruit<ul><li>Mango</li><li>Guava</li></ul></li><li>Grain</li></ul>")).toBe(
      "- Fruit\n- Mango\n- Guava\n- Grain",
    );
  });

  it("joins nested inline tags without adding or losing spaces", () => {
    expect(
      readableText("<p>The <strong>first <a href='/x'>such <b>meet</b>ing</a></strong>, since <em>2023</em>.</p>"),
    ).toBe("The first such meeting, since 2023.");
  });

  it("drops scripts, styles, templates, forms, hidden elements and comments", () => {
    const html = `<div>
      <style>p { color: red }</style><script>var secret = "tracking";</script><noscript>Enable JavaScript</noscript>
      <p>Kept<!-- a comment --> text.</p>
      <template><p>Template text</p></template>
      <form><label>Email <input name="email"></label><button>Subscribe</button></form>
      <p hidden>Hidden text</p><p aria-hidden="true">Decorative text</p>
    </div>`;
    expect(readableText(html)).toBe("Kept text.");
  });

  it("drops the site's navigation, header, footer and dialogs but keeps an article's own header", () => {
    const html = `<body>
      <header><a href="/">Site name</a></header>
      <nav><a href="/a">Section A</a></nav>
      <div role="dialog"><p>We use cookies.</p></div>
      <article><header><p>Standfirst of the article.</p></header><p>Body of the article.</p></article>
      <footer>Copyright notice</footer>
    </body>`;
    expect(readableText(html)).toBe("Standfirst of the article.\n\nBody of the article.");
  });

  it("reads tables row by row", () => {
    expect(readableText("<table><tr><th>Crop</th><th>Rise</th></tr><tr><td>Millet</td><td>38%</td></tr></table>")).toBe(
      "Crop | Rise\nMillet | 38%",
    );
  });

  it("accepts a whole page, a page without <body>, a fragment and bare text", () => {
    expect(readableText("<!DOCTYPE html><html><head><title>T</title></head><body><p>Page.</p></body></html>")).toBe(
      "Page.",
    );
    expect(readableText("<html><head><title>T</title></head><p>No body element.</p></html>")).toBe("No body element.");
    expect(readableText("<body><p>Only a body.</p></body>")).toBe("Only a body.");
    expect(readableText("Just words &amp; nothing else")).toBe("Just words & nothing else");
  });

  it("answers an empty text when the HTML has none", () => {
    expect(readableText("<script>alert(1)</script><style>p{}</style>")).toBe("");
    expect(readableText("")).toBe("");
  });

  it("never answers text PostgreSQL cannot store as it is", () => {
    const text = readableText("<p>A&#0;B &#xD800; C</p>");
    expect(text).not.toContain("\u0000");
    expect(text.isWellFormed()).toBe(true);
  });

  it("reduces the test page to its article: paragraphs kept, navigation, banner, scripts and footer gone", () => {
    const text = readableText(importFixtureHtml());
    expect(text).toBe(IMPORT_FIXTURE.expectedBody);
    for (const dropped of IMPORT_FIXTURE.droppedTexts) expect(text).not.toContain(dropped);
    expect(paragraphRanges(text).map((range) => text.slice(range.start, range.end))).toEqual(
      IMPORT_FIXTURE.expectedBody.split("\n\n"),
    );
  });
});

describe("htmlToArticleText on deep or dense markup", () => {
  const nested = (open: string, close: string, levels: number) => `${open.repeat(levels)}x${close.repeat(levels)}`;
  const TOO_DEEP = `This HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; no article needs that.`;

  // Each took seconds to minutes before the nesting was checked first, and the deepest answered a stack overflow.
  it.each([
    ["20,000 nested <div>s", nested("<div>", "</div>", 20_000)],
    ["80,000 nested <div>s (0.88 MB)", nested("<div>", "</div>", 80_000)],
    ["80,000 nested <span>s", nested("<span>", "</span>", 80_000)],
    ["300,000 unclosed <b>s", "<b>".repeat(300_000)],
    ["nested lists", nested("<ul><li>", "</li></ul>", 40_000)],
    ["nested tables", nested("<table><tr><td>", "</td></tr></table>", 30_000)],
    ["<div/>, which HTML does not close", "<div/>".repeat(150_000)],
  ])("refuses %s, naming the nesting, before building a document", (_shape, html) => {
    expect(refusal(html)).toMatch(TOO_DEEP);
  });

  it(`reads markup nested exactly ${MAX_HTML_DEPTH} levels deep`, () => {
    expect(readableText(nested("<div>", "</div>", MAX_HTML_DEPTH))).toBe("x");
  });

  it("does not count elements the parser closes by itself, or void elements, as nesting", () => {
    const paragraphs = Array.from({ length: 400 }, (_, index) => `<p>Paragraph ${index}`).join("");
    expect(readableText(`<article>${paragraphs}</article>`).split("\n\n")).toHaveLength(400);
    const items = Array.from({ length: 400 }, (_, index) => `<li>Item ${index}`).join("");
    expect(readableText(`<ul>${items}</ul>`).split("\n")).toHaveLength(400);
    expect(readableText(`<p>${"Word<br>".repeat(400)}</p>`).split("\n")).toHaveLength(400);
  });

  it(`refuses more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements, and deep markup in bulk`, () => {
    expect(refusal("<p>a</p>".repeat(MAX_HTML_ELEMENTS + 1))).toMatch(
      `This HTML has more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements`,
    );
    expect(refusal(`${"<div>".repeat(200)}${"<p>a</p>".repeat(400)}`)).toMatch(
      "This HTML nests too many of its elements too deeply",
    );
  });

  it("numbers a long list in one pass over it (each item used to count the ones before it)", () => {
    const count = MAX_HTML_ELEMENTS - 1;
    const lines = readableText(`<ol start="5">${"<li>item</li>".repeat(count)}</ol>`).split("\n");
    expect(lines).toHaveLength(count);
    expect([lines[0], lines.at(-1)]).toEqual(["5. item", `${count + 4}. item`]);
  });
});

describe("normalisePlainText", () => {
  it("normalises line endings, drops a byte-order mark and trims the edges, and keeps the rest as typed", () => {
    expect(normalisePlainText("\uFEFF\r\n  First  line\r\nsecond\r\rthird\n\n\n# Heading *kept*  \n")).toBe(
      "First  line\nsecond\n\nthird\n\n\n# Heading *kept*",
    );
  });
});
