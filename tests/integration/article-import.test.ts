import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { htmlToArticleText } from "@/domains/articles/html";
import { IDLE_STATE } from "@/lib/action-state";
import { toIsoDate } from "@/lib/dates";
import { paragraphRanges } from "@/lib/text/highlight";
import { IMPORT_FIXTURE, importFixtureHtml } from "@/tests/fixtures/article-import";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The import form's Server Action reads its session from next/headers, which only Next provides: it answers the cookie set here.
const requestScope = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => requestScope.headers }));
// Watched, not replaced: the form's test checks that a refused import never reaches the HTML reduction.
vi.mock("@/domains/articles/html", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/domains/articles/html")>();
  return { ...actual, htmlToArticleText: vi.fn(actual.htmlToArticleText) };
});

let database: TestDatabase;
let cookies: { editor: string; admin: string; reviewer: string };
let routes: {
  create: typeof import("@/app/api/articles/route").POST;
  get: typeof import("@/app/api/articles/[id]/route").GET;
};
let importArticleFromForm: typeof import("@/domains/articles/actions").importArticleFromForm;

beforeAll(async () => {
  database = await cloneSeededDatabase("article_import");
  // The route handlers read DATABASE_URL on first use, so it is set before they load.
  process.env.DATABASE_URL = database.url;
  routes = {
    create: (await import("@/app/api/articles/route")).POST,
    get: (await import("@/app/api/articles/[id]/route")).GET,
  };
  ({ importArticleFromForm } = await import("@/domains/articles/actions"));
  cookies = {
    editor: await signInCookie(DEMO.editor),
    admin: await signInCookie(DEMO.admin),
    reviewer: await signInCookie(DEMO.reviewer1),
  };
});
afterAll(async () => {
  await database.drop();
});

type Options = { cookie?: string | null; body?: string; origin?: string };

async function post(json: unknown, options: Options = {}) {
  const request = apiRequest("/api/articles", {
    method: "POST",
    cookie: options.cookie === null ? undefined : (options.cookie ?? cookies.editor),
    json: options.body === undefined ? json : undefined,
    body: options.body,
    origin: options.origin,
  });
  const response = await routes.create(request, routeParams({}));
  return { ...(await responseJson(response)), location: response.headers.get("location") };
}

const articleCount = () => database.prisma.article.count();

const ARTICLE = { title: "A plain article", language: "en", body: "First paragraph.\n\nSecond paragraph." };

describe("POST /api/articles with HTML", () => {
  let created: Awaited<ReturnType<typeof post>>;
  beforeAll(async () => {
    created = await post({
      title: IMPORT_FIXTURE.title,
      url: "https://ledger.example.org/2025/03/drought-sahel",
      publisher: "The Daily Ledger",
      author: "Amina Touré",
      publishedAt: "2025-03-03",
      language: "en",
      html: importFixtureHtml(),
    });
  });

  it("answers 201 with the article as stored, as GET /api/articles/{id} gives it", async () => {
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      slug: "drought-pushes-grain-prices-up-across-the-sahel",
      title: IMPORT_FIXTURE.title,
      url: "https://ledger.example.org/2025/03/drought-sahel",
      publisher: "The Daily Ledger",
      issue: null,
      author: "Amina Touré",
      credit: null,
      publishedAt: "2025-03-03",
      language: "en",
      body: IMPORT_FIXTURE.expectedBody,
      claims: [],
    });
    expect(created.location).toBe(`/api/articles/${created.body.id}`);
    const fetched = await routes.get(
      apiRequest(`/api/articles/${created.body.id}`, { cookie: cookies.reviewer }),
      routeParams({ id: String(created.body.id) }),
    );
    expect(await fetched.json()).toEqual(created.body);
  });

  it("stores the article's paragraphs with a blank line between them and nothing of the page around it", async () => {
    const { body } = await database.prisma.article.findUniqueOrThrow({
      where: { id: created.body.id as number },
      select: { body: true },
    });
    expect(body).toBe(IMPORT_FIXTURE.expectedBody);
    expect(paragraphRanges(body)).toHaveLength(9);
    expect(body).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]|\r/);
    for (const dropped of IMPORT_FIXTURE.droppedTexts) expect(body, dropped).not.toContain(dropped);
  });

  it("gives offsets that slice the stored body back to each known sentence, inside one paragraph", async () => {
    const { body } = await database.prisma.article.findUniqueOrThrow({
      where: { id: created.body.id as number },
      select: { body: true },
    });
    const paragraphs = paragraphRanges(body);
    for (const sentence of [...IMPORT_FIXTURE.checkWorthy, ...IMPORT_FIXTURE.filler]) {
      const startOffset = body.indexOf(sentence);
      expect(startOffset, sentence).toBeGreaterThanOrEqual(0);
      const endOffset = startOffset + sentence.length;
      expect(body.slice(startOffset, endOffset)).toBe(sentence);
      expect(
        paragraphs.some((paragraph) => paragraph.start <= startOffset && endOffset <= paragraph.end),
        sentence,
      ).toBe(true);
    }
    // A claim on that span is stored and read back as the same words.
    const sentence = IMPORT_FIXTURE.checkWorthy[2];
    const startOffset = body.indexOf(sentence);
    const claim = await database.prisma.claim.create({
      data: {
        articleId: created.body.id as number,
        quote: sentence,
        startOffset,
        endOffset: startOffset + sentence.length,
        statement: "The 2024 UN appeal for Mali was 32% funded.",
        topic: "Humanitarian",
      },
    });
    const fetched = await (
      await routes.get(
        apiRequest(`/api/articles/${created.body.id}`, { cookie: cookies.editor }),
        routeParams({ id: String(created.body.id) }),
      )
    ).json();
    const [stored] = fetched.claims as { id: number; startOffset: number; endOffset: number; quote: string }[];
    expect(stored?.id).toBe(claim.id);
    expect(fetched.body.slice(stored!.startOffset, stored!.endOffset)).toBe(stored!.quote);
  });
});

describe("POST /api/articles with plain text", () => {
  it("stores the text with \\n line endings and, without a date, the day of the import", async () => {
    const before = toIsoDate(new Date());
    const { status, body } = await post({
      title: "Windows line endings",
      language: "fr",
      body: "\r\nLigne un.\r\n\r\nLigne deux.\r\n",
    });
    const after = toIsoDate(new Date());
    expect(status).toBe(201);
    expect(body.body).toBe("Ligne un.\n\nLigne deux.");
    expect([before, after]).toContain(body.publishedAt);
    expect(body).toMatchObject({ url: null, publisher: null, author: null, language: "fr" });
  });

  it("lets an admin import too", async () => {
    expect((await post({ ...ARTICLE, title: "From an admin" }, { cookie: cookies.admin })).status).toBe(201);
  });

  it("keeps slugs unique: the same title again gets -2, then -3", async () => {
    const slugs = [];
    for (let round = 0; round < 3; round++) {
      const { status, body } = await post({ ...ARTICLE, title: "Same title, three times" });
      expect(status).toBe(201);
      slugs.push(body.slug);
    }
    expect(slugs).toEqual(["same-title-three-times", "same-title-three-times-2", "same-title-three-times-3"]);
  });

  it("keeps slugs unique when imports of one title race", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => post({ ...ARTICLE, title: "Racing title" })));
    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((result) => result.body.slug)).size).toBe(4);
    expect(await database.prisma.article.count({ where: { title: "Racing title" } })).toBe(4);
  });
});

describe("POST /api/articles refusals store nothing", () => {
  async function expectRefused(
    expected: { status: number; fields?: Record<string, string[]> },
    json: unknown,
    options?: Options,
  ) {
    const before = await articleCount();
    const { status, body } = await post(json, options);
    expect(status).toBe(expected.status);
    expect(body.error).toEqual(expect.any(String));
    if (expected.fields) expect(body.fields).toEqual(expected.fields);
    expect(await articleCount()).toBe(before);
  }

  it("400 naming each field at fault", async () => {
    await expectRefused(
      {
        status: 400,
        fields: {
          title: ["Give the article's title."],
          url: ["Only http:// and https:// addresses are accepted."],
          publishedAt: ["The publication date cannot be in the future."],
          language: ["Choose the language: one of en, fr, es, pt, de, it, nl, ar."],
          body: ["Give the article's text: `body` (plain text) or `html`."],
        },
      },
      { title: "  ", url: "javascript:alert(1)", publishedAt: "2999-01-01", language: "klingon" },
    );
  });

  it("400 for both body and html, an unknown field, or no JSON", async () => {
    await expectRefused(
      { status: 400, fields: { html: ["Give the text once: `body` or `html`, not both."] } },
      { ...ARTICLE, html: "<p>Too</p>" },
    );
    await expectRefused({ status: 400, fields: { _: ["Unknown field(s): slug."] } }, { ...ARTICLE, slug: "chosen" });
    await expectRefused({ status: 400 }, undefined, { body: "{not json" });
  });

  it("400 naming the field when the text is over 200,000 characters, sent as text or reduced from HTML", async () => {
    await expectRefused(
      { status: 400, fields: { body: ["The text has 200,001 characters; an article may have at most 200,000."] } },
      { ...ARTICLE, body: "x".repeat(200_001) },
    );
    await expectRefused(
      {
        status: 400,
        fields: {
          html: ["The readable text of this HTML has 299,999 characters; an article may have at most 200,000."],
        },
      },
      { title: "Long", language: "en", html: `<p>${"word ".repeat(60_000)}</p>` },
    );
  });

  it("400 naming the field, at once, for HTML nested deeper than any article (it took minutes, then answered 500)", async () => {
    const nested = (levels: number) => `${"<div>".repeat(levels)}x${"</div>".repeat(levels)}`;
    for (const levels of [20_000, 40_000, 80_000]) {
      await expectRefused(
        {
          status: 400,
          fields: {
            html: [
              "This HTML nests elements more than 256 levels deep; no article needs that. Paste the article's own part of the page, or its text.",
            ],
          },
        },
        { title: "Nested", language: "en", html: nested(levels) },
      );
    }
  });

  it("413 for a request over 1 MB", async () => {
    await expectRefused({ status: 413 }, { ...ARTICLE, body: "x".repeat(1_000_001) });
  });

  it("401 without a session", async () => {
    await expectRefused({ status: 401 }, ARTICLE, { cookie: null });
  });

  it("403 for a reviewer, and for a write from another site", async () => {
    await expectRefused({ status: 403 }, ARTICLE, { cookie: cookies.reviewer });
    const { body } = await post(ARTICLE, { cookie: cookies.reviewer });
    expect(body.error).toBe("Only editors and above can add articles.");
    await expectRefused({ status: 403 }, ARTICLE, { origin: "https://evil.example" });
  });
});

describe("the import form (Server Action)", () => {
  const NESTED_HTML = `${"<div>".repeat(80_000)}x${"</div>".repeat(80_000)}`;

  async function submit(cookie: string, fields: Record<string, string>, file?: File) {
    requestScope.headers = new Headers({ host: "localhost:3000", cookie });
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.set(name, value);
    if (file) formData.set("file", file);
    try {
      return { state: await importArticleFromForm(IDLE_STATE, formData) };
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
        return { redirectedTo: digest.split(";")[2] };
      throw error;
    }
  }

  it("refuses a reviewer before reading the upload or reducing any HTML", async () => {
    const before = await articleCount();
    vi.mocked(htmlToArticleText).mockClear();
    const pasted = await submit(cookies.reviewer, {
      title: "Pasted",
      language: "en",
      format: "html",
      text: NESTED_HTML,
    });
    const upload = new File([NESTED_HTML], "nested.html", { type: "text/html" });
    const read = vi.spyOn(upload, "text");
    const uploaded = await submit(cookies.reviewer, { title: "Uploaded", language: "en" }, upload);
    for (const { state } of [pasted, uploaded]) {
      expect(state).toMatchObject({
        status: "error",
        message: "Only editors and above can add articles.",
        fields: undefined,
      });
    }
    expect(pasted.state).toMatchObject({ values: { title: "Pasted", format: "html", text: NESTED_HTML } });
    expect(read).not.toHaveBeenCalled();
    expect(htmlToArticleText).not.toHaveBeenCalled();
    expect(await articleCount()).toBe(before);
  });

  it("imports an editor's upload, and refuses deeply nested HTML on the control it came from", async () => {
    const imported = await submit(
      cookies.editor,
      { title: "Uploaded by the form", language: "en" },
      new File([importFixtureHtml()], "page.html"),
    );
    expect(imported.redirectedTo).toMatch(/^\/articles\/\d+$/);
    const stored = await database.prisma.article.findUniqueOrThrow({
      where: { id: Number(imported.redirectedTo!.split("/").at(-1)) },
    });
    expect(stored.body).toBe(IMPORT_FIXTURE.expectedBody);

    const before = await articleCount();
    const { state } = await submit(
      cookies.editor,
      { title: "Nested upload", language: "en" },
      new File([NESTED_HTML], "nested.html"),
    );
    expect(state).toMatchObject({
      status: "error",
      fields: { file: [expect.stringMatching(/^This HTML nests elements more than 256 levels deep/)] },
    });
    expect(state).toMatchObject({ values: { title: "Nested upload", language: "en" } });
    expect(state).not.toHaveProperty("values.fileText");
    expect(await articleCount()).toBe(before);
  });
});
