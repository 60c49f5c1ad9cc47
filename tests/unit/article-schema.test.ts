import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_BODY_LENGTH, MAX_HTML_LENGTH } from "@/domains/articles/limits";
import { articleFormSchema, newArticleSchema } from "@/domains/articles/schema";
import { firstFreeSlug, slugFromTitle } from "@/domains/articles/slug";
import { fieldErrorsOf } from "@/lib/validation";

const VALID = { title: "Drought in the Sahel", language: "en", body: "One paragraph.\n\nAnother." };

function fieldsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  return fieldErrorsOf(parsed.error as Parameters<typeof fieldErrorsOf>[0]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("newArticleSchema", () => {
  it("keeps what was sent, normalised: one-line title, http(s) url, optional fields null when blank", () => {
    expect(
      newArticleSchema.parse({
        title: "  Drought\n in   the Sahel ",
        url: " HTTPS://Example.ORG:443/news/drought ",
        publisher: "  The Daily   Ledger ",
        author: "",
        publishedAt: "2025-03-03",
        language: "fr",
        body: "\uFEFFFirst.\r\n\r\nSecond.\r\n",
      }),
    ).toEqual({
      title: "Drought in the Sahel",
      url: "https://example.org/news/drought",
      publisher: "The Daily Ledger",
      author: null,
      publishedAt: new Date("2025-03-03T00:00:00Z"),
      language: "fr",
      body: "First.\n\nSecond.",
    });
  });

  it("stores the readable text of html as the body", () => {
    expect(
      newArticleSchema.parse({ ...VALID, body: undefined, html: "<nav>Menu</nav><p>One.</p><p>Two.</p>" }).body,
    ).toBe("One.\n\nTwo.");
  });

  it("drops the page furniture of plain text and of html, and refuses a text that is nothing else", () => {
    const furniture = [
      "https://example.org/2025/drought",
      "© 2025 The Daily Ledger",
      "[Donate](https://example.org/give)",
    ];
    expect(newArticleSchema.parse({ ...VALID, body: ["One.", ...furniture, "Two."].join("\r\n\r\n") }).body).toBe(
      "One.\n\nTwo.",
    );
    const html = `<article><p>One.</p>${furniture.map((line) => `<p>${line}</p>`).join("")}<p>Two.</p></article>`;
    expect(newArticleSchema.parse({ ...VALID, body: undefined, html }).body).toBe("One.\n\nTwo.");
    expect(fieldsOf(newArticleSchema, { ...VALID, body: furniture.join("\n") })).toEqual({
      body: ["The text holds only a web address, a copyright line or a donate link: give the article itself."],
    });
  });

  it("needs the text exactly once, as body or html, and says so with the other refusals", () => {
    expect(fieldsOf(newArticleSchema, { title: "", language: 5 })).toEqual({
      title: ["Give the article's title."],
      language: ["Choose the language: one of en, fr, es, pt, de, it, nl, ar."],
      body: ["Give the article's text: `body` (plain text) or `html`."],
    });
    expect(fieldsOf(newArticleSchema, { ...VALID, html: "<p>Also.</p>" })).toEqual({
      html: ["Give the text once: `body` or `html`, not both."],
    });
    expect(fieldsOf(newArticleSchema, { ...VALID, body: " \r\n " })).toEqual({ body: ["The text is empty."] });
    expect(fieldsOf(newArticleSchema, { ...VALID, body: undefined, html: "<script>x()</script>" })).toEqual({
      html: ["The readable text of this HTML is empty."],
    });
  });

  it("refuses a body over the limit, before and after reducing HTML, naming the field", () => {
    expect(newArticleSchema.safeParse({ ...VALID, body: "x".repeat(MAX_BODY_LENGTH) }).success).toBe(true);
    expect(fieldsOf(newArticleSchema, { ...VALID, body: "x".repeat(MAX_BODY_LENGTH + 1) })).toEqual({
      body: ["The text has 200,001 characters; an article may have at most 200,000."],
    });
    const longHtml = `<p>${"word ".repeat(50_000)}</p>`;
    expect(longHtml.length).toBeLessThan(MAX_HTML_LENGTH);
    expect(fieldsOf(newArticleSchema, { ...VALID, body: undefined, html: longHtml })).toEqual({
      html: ["The readable text of this HTML has 249,999 characters; an article may have at most 200,000."],
    });
    expect(fieldsOf(newArticleSchema, { ...VALID, body: undefined, html: "x".repeat(MAX_HTML_LENGTH + 1) })).toEqual({
      html: ["At most 1,000,000 characters of HTML."],
    });
  });

  it("counts a CRLF text by what is stored, so a text at the limit with Windows line endings passes", () => {
    const paragraphs = Array.from({ length: 1_000 }, () => "y".repeat(198)).join("\r\n\r\n");
    expect(paragraphs.length).toBeGreaterThan(MAX_BODY_LENGTH);
    expect(newArticleSchema.parse({ ...VALID, body: paragraphs }).body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
  });

  it("limits the title and the byline fields", () => {
    expect(fieldsOf(newArticleSchema, { ...VALID, title: "t".repeat(301), author: "a".repeat(201) })).toEqual({
      title: ["At most 300 characters."],
      author: ["At most 200 characters."],
    });
  });

  it.each([
    ["javascript:alert(1)", "Only http:// and https:// addresses are accepted."],
    ["ftp://example.org/a", "Only http:// and https:// addresses are accepted."],
    ["example.org/a", "Give the full address, starting with http:// or https://."],
    ["http://localhost/a", "Give a public address: a domain name such as example.org, or an IP address."],
  ])("refuses the url %j", (url, message) => {
    expect(fieldsOf(newArticleSchema, { ...VALID, url })).toEqual({ url: [message] });
  });

  it("takes a language from the list only", () => {
    expect(fieldsOf(newArticleSchema, { ...VALID, language: "xx" })).toEqual({
      language: ["Choose the language: one of en, fr, es, pt, de, it, nl, ar."],
    });
    expect(fieldsOf(newArticleSchema, { ...VALID, language: undefined })).toHaveProperty("language");
  });

  it("takes a real date, from 1900, not in the future anywhere on Earth", () => {
    vi.useFakeTimers({ now: new Date("2025-06-15T12:00:00Z"), toFake: ["Date"] });
    const dateError = (publishedAt: unknown) => fieldsOf(newArticleSchema, { ...VALID, publishedAt }).publishedAt;
    expect(dateError("2025-06-15")).toBeUndefined();
    // Already the 16th in Kiribati (UTC+14) at noon UTC.
    expect(dateError("2025-06-16")).toBeUndefined();
    expect(dateError("2025-06-17")).toEqual(["The publication date cannot be in the future."]);
    expect(dateError("2025-02-29")).toEqual(["This date does not exist."]);
    expect(dateError("1899-12-31")).toEqual(["Give a date from 1900 on."]);
    expect(dateError("15/06/2025")).toEqual(["Give the date as YYYY-MM-DD."]);
    expect(dateError(20250615)).toEqual(["Give the date as text: YYYY-MM-DD."]);
    expect(newArticleSchema.parse({ ...VALID, publishedAt: "" }).publishedAt).toBeNull();
    expect(newArticleSchema.parse(VALID).publishedAt).toBeUndefined();
  });

  it("refuses unknown fields, non-objects and text PostgreSQL cannot store", () => {
    expect(fieldsOf(newArticleSchema, { ...VALID, slug: "mine" })).toEqual({ _: ["Unknown field(s): slug."] });
    expect(fieldsOf(newArticleSchema, "a string")).toEqual({ _: ["Send a JSON object."] });
    expect(fieldsOf(newArticleSchema, { ...VALID, body: "nul\u0000byte" })).toHaveProperty("body");
  });
});

describe("articleFormSchema", () => {
  const FORM = { title: "Drought", url: "", publisher: "", author: "", publishedAt: "", language: "en" };

  it("reads pasted text as plain text or as HTML, as the form says", () => {
    expect(articleFormSchema.parse({ ...FORM, format: "text", text: "<p>Kept as typed.</p>" }).body).toBe(
      "<p>Kept as typed.</p>",
    );
    expect(articleFormSchema.parse({ ...FORM, format: "html", text: "<p>Reduced.</p>" }).body).toBe("Reduced.");
  });

  it("reads an uploaded file by its extension: HTML reduced, Markdown and text kept", () => {
    const upload = (fileName: string, fileText: string) =>
      articleFormSchema.parse({ ...FORM, format: "text", text: "", fileName, fileText }).body;
    expect(upload("page.HTML", "<p>From a file.</p>")).toBe("From a file.");
    expect(upload("notes.md", "# Title\r\n\r\n*Kept* as written.")).toBe("# Title\n\n*Kept* as written.");
    expect(upload("plain.txt", "Plain.")).toBe("Plain.");
  });

  it("puts each refusal of the text on the control it came from", () => {
    expect(fieldsOf(articleFormSchema, { ...FORM, title: "", text: "" })).toEqual({
      title: ["Give the article's title."],
      text: ["Paste the article's text, or upload a file."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, text: "Typed.", fileName: "a.txt", fileText: "Uploaded." })).toEqual({
      file: ["Paste the text or upload a file, not both."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, fileName: "report.pdf", fileText: "%PDF" })).toEqual({
      file: ["Upload a .txt, .md, .html, .htm file."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, fileName: "big.html", fileTooLarge: "true" })).toEqual({
      file: ["The file is larger than 1 MB."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, fileName: "empty.html", fileText: "<script></script>" })).toEqual({
      file: ["The readable text of this HTML is empty."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, format: "html", text: "<style>p{}</style>" })).toEqual({
      text: ["The readable text of this HTML is empty."],
    });
    expect(fieldsOf(articleFormSchema, { ...FORM, text: "x".repeat(MAX_BODY_LENGTH + 1) })).toEqual({
      text: ["The text has 200,001 characters; an article may have at most 200,000."],
    });
  });
});

describe("slugs", () => {
  it.each([
    ["The imperative of peace in Mali", "the-imperative-of-peace-in-mali"],
    ["L'été à Bamako : 38 % de plus !", "l-ete-a-bamako-38-de-plus"],
    ["  --Crisis?  Yes.-- ", "crisis-yes"],
    ["السلام في مالي", "article"],
    ["word ".repeat(40), `${"word-".repeat(15)}word`],
    ["x".repeat(100), "x".repeat(80)],
  ])("%j -> %j", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(slugFromTitle(title).length).toBeLessThanOrEqual(80);
  });

  it("adds the first free numeric suffix", () => {
    expect(firstFreeSlug("mali", [])).toBe("mali");
    expect(firstFreeSlug("mali", ["mali", "mali-peace"])).toBe("mali-2");
    expect(firstFreeSlug("mali", ["mali", "mali-2", "mali-4"])).toBe("mali-3");
  });
});
