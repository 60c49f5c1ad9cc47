import { describe, expect, it } from "vitest";
import { htmlToArticleText, normalisePlainText } from "@/domains/articles/html";
import { paragraphRanges } from "@/lib/text/highlight";
import { IMPORT_FIXTURE, importFixtureHtml } from "@/tests/fixtures/article-import";

describe("htmlToArticleText", () => {
  it("keeps paragraphs apart with one blank line and collapses whitespace inside them", () => {
    expect(htmlToArticleText("<p>  First\n   paragraph,\twrapped  over\r\nlines. </p>\n\n\n<p>Second.</p>")).toBe(
      "First paragraph, wrapped over lines.\n\nSecond.",
    );
  });

  it("decodes named, decimal and hexadecimal entities, and keeps a no-break space as text", () => {
    expect(htmlToArticleText("<p>Caf&eacute; &amp; th&#233; &#x2014; &ldquo;38&nbsp;%&rdquo; &lt;b&gt;</p>")).toBe(
      "Café & thé — “38\u00a0%” <b>",
    );
  });

  it("turns <br> into a line break, and two of them into a new paragraph", () => {
    expect(htmlToArticleText("<p>Line one<br>Line two<br/>Line three</p>")).toBe("Line one\nLine two\nLine three");
    expect(htmlToArticleText("<p>Before<br><br>After</p>")).toBe("Before\n\nAfter");
  });

  it("puts headings in paragraphs of their own and each list item on its own line", () => {
    const html = `<article>
      <h2>Aid falls short</h2><p>Intro.</p>
      <ul><li>Millet</li><li>Sorghum <em>and</em> maize</li></ul>
      <ol start="3"><li>Third</li><li>Fourth</li></ol>
      <h3>Next</h3><p>End.</p>
    </article>`;
    expect(htmlToArticleText(html)).toBe("Aid falls short\n\nIntro.\n\n- Millet\n- Sorghum and maize\n\n3. Third\n4. Fourth\n\nNext\n\nEnd.");
  });

  it("keeps a nested list inside its item's paragraph, one line each", () => {
    expect(htmlToArticleText("<ul><li>Fruit<ul><li>Mango</li><li>Guava</li></ul></li><li>Grain</li></ul>")).toBe(
      "- Fruit\n- Mango\n- Guava\n- Grain",
    );
  });

  it("joins nested inline tags without adding or losing spaces", () => {
    expect(htmlToArticleText("<p>The <strong>first <a href='/x'>such <b>meet</b>ing</a></strong>, since <em>2023</em>.</p>")).toBe(
      "The first such meeting, since 2023.",
    );
  });

  it("drops scripts, styles, templates, forms, hidden elements and comments", () => {
    const html = `<div>
      <style>p { color: red }</style><script>var secret = "tracking";</script><noscript>Enable JavaScript</noscript>
      <p>Kept<!-- a comment --> text.</p>
      <template><p>Template text</p></template>
      <form><label>Email <input name="email"></label><button>Subscribe</button></form>
      <p hidden>Hidden text</p><p aria-hidden="true">Decorative text</p>
    </div>`;
    expect(htmlToArticleText(html)).toBe("Kept text.");
  });

  it("drops the site's navigation, header, footer and dialogs but keeps an article's own header", () => {
    const html = `<body>
      <header><a href="/">Site name</a></header>
      <nav><a href="/a">Section A</a></nav>
      <div role="dialog"><p>We use cookies.</p></div>
      <article><header><p>Standfirst of the article.</p></header><p>Body of the article.</p></article>
      <footer>Copyright notice</footer>
    </body>`;
    expect(htmlToArticleText(html)).toBe("Standfirst of the article.\n\nBody of the article.");
  });

  it("reads tables row by row", () => {
    expect(htmlToArticleText("<table><tr><th>Crop</th><th>Rise</th></tr><tr><td>Millet</td><td>38%</td></tr></table>")).toBe(
      "Crop | Rise\nMillet | 38%",
    );
  });

  it("accepts a whole page, a page without <body>, a fragment and bare text", () => {
    expect(htmlToArticleText("<!DOCTYPE html><html><head><title>T</title></head><body><p>Page.</p></body></html>")).toBe("Page.");
    expect(htmlToArticleText("<html><head><title>T</title></head><p>No body element.</p></html>")).toBe("No body element.");
    expect(htmlToArticleText("<body><p>Only a body.</p></body>")).toBe("Only a body.");
    expect(htmlToArticleText("Just words &amp; nothing else")).toBe("Just words & nothing else");
  });

  it("answers an empty text when the HTML has none", () => {
    expect(htmlToArticleText("<script>alert(1)</script><style>p{}</style>")).toBe("");
    expect(htmlToArticleText("")).toBe("");
  });

  it("never answers text PostgreSQL cannot store as it is", () => {
    const text = htmlToArticleText("<p>A&#0;B &#xD800; C</p>");
    expect(text).not.toContain("\u0000");
    expect(text.isWellFormed()).toBe(true);
  });

  it("reduces the test page to its article: paragraphs kept, navigation, banner, scripts and footer gone", () => {
    const text = htmlToArticleText(importFixtureHtml());
    expect(text).toBe(IMPORT_FIXTURE.expectedBody);
    for (const dropped of IMPORT_FIXTURE.droppedTexts) expect(text).not.toContain(dropped);
    expect(paragraphRanges(text).map((range) => text.slice(range.start, range.end))).toEqual(IMPORT_FIXTURE.expectedBody.split("\n\n"));
  });
});

describe("normalisePlainText", () => {
  it("normalises line endings, drops a byte-order mark and trims the edges, and keeps the rest as typed", () => {
    expect(normalisePlainText("\uFEFF\r\n  First  line\r\nsecond\r\rthird\n\n\n# Heading *kept*  \n")).toBe(
      "First  line\nsecond\n\nthird\n\n\n# Heading *kept*",
    );
  });
});
