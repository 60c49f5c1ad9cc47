import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUGGESTION_ENGINE_VERSION, suggestClaims } from "@/domains/suggestions/suggest";
import { apiRequest, DEMO, responseJson, routeParams, signInCookie } from "@/tests/support/api";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

let database: TestDatabase;
let editor: string;
let reviewer: string;
let routes: {
  importArticle: typeof import("@/app/api/articles/route").POST;
  suggestions: typeof import("@/app/api/articles/[id]/suggestions/route").GET;
  dismiss: typeof import("@/app/api/articles/[id]/suggestions/dismissals/route").POST;
  createClaim: typeof import("@/app/api/articles/[id]/claims/route").POST;
  similar: typeof import("@/app/api/claims/[id]/similar/route").GET;
};
let storeSuggestions: typeof import("@/domains/suggestions/mutations").storeSuggestions;
let articleId: number;
let body: string;

const HTML = readFileSync(path.join(import.meta.dirname, "../fixtures/suggestions-article.html"), "utf8");
const KNOWN = [
  "According to the World Food Programme, 3.4 million people in the region needed food assistance in 2023, up from 2.1 million the year before.",
  "The government banned the export of millet and sorghum on 12 March 2024, citing the risk of shortages.",
  "Prices of staple grains rose by 40% in six months because the harvest failed across the north.",
];
const FILLER = [
  "Farmers spoke of patience and of hope.",
  "Nobody in the village could say what the coming season would bring.",
];

interface SuggestionItem {
  startOffset: number;
  endOffset: number;
  text: string;
  score: number;
  reasons: string[];
}

async function listSuggestions(cookie = editor, id = articleId): Promise<SuggestionItem[]> {
  const response = await routes.suggestions(
    apiRequest(`/api/articles/${id}/suggestions`, { cookie }),
    routeParams({ id: String(id) }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: SuggestionItem[] }).items;
}

const covering = (items: SuggestionItem[], sentence: string) => {
  const start = body.indexOf(sentence);
  return items.find((item) => item.startOffset < start + sentence.length && start < item.endOffset);
};

beforeAll(async () => {
  database = await cloneSeededDatabase("suggestions");
  process.env.DATABASE_URL = database.url;
  routes = {
    importArticle: (await import("@/app/api/articles/route")).POST,
    suggestions: (await import("@/app/api/articles/[id]/suggestions/route")).GET,
    dismiss: (await import("@/app/api/articles/[id]/suggestions/dismissals/route")).POST,
    createClaim: (await import("@/app/api/articles/[id]/claims/route")).POST,
    similar: (await import("@/app/api/claims/[id]/similar/route")).GET,
  };
  storeSuggestions = (await import("@/domains/suggestions/mutations")).storeSuggestions;
  editor = await signInCookie(DEMO.editor);
  reviewer = await signInCookie(DEMO.reviewer1);
  const imported = await responseJson(
    await routes.importArticle(
      apiRequest("/api/articles", {
        method: "POST",
        cookie: editor,
        json: { title: "Drought in the Sahel", language: "en", html: HTML },
      }),
      routeParams({}),
    ),
  );
  expect(imported.status).toBe(201);
  articleId = imported.body.id as number;
  body = (await database.prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
});
afterAll(async () => {
  await database.drop();
});

describe("an imported HTML article", () => {
  it("keeps the paragraphs and drops the navigation, banner, scripts and footer", () => {
    for (const sentence of [...KNOWN, ...FILLER]) expect(body).toContain(sentence);
    expect(body).toContain(`${KNOWN[0]}\n\nFarmers spoke`);
    for (const chrome of ["Subscribe", "cookies", "window.tracker", "Privacy", "color: red"])
      expect(body).not.toContain(chrome);
  });

  it("gets suggestions on the known check-worthy sentences, with exact offsets, and not on the filler", async () => {
    const items = await listSuggestions();
    for (const sentence of KNOWN) expect(covering(items, sentence), sentence).toBeDefined();
    for (const sentence of FILLER) expect(covering(items, sentence), sentence).toBeUndefined();
    for (const item of items) {
      expect(body.slice(item.startOffset, item.endOffset)).toBe(item.text);
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(item.reasons.length).toBeGreaterThan(0);
    }
    expect(items.map((item) => item.score)).toEqual([...items.map((item) => item.score)].sort((a, b) => b - a));
  });
});

describe("accepting and dismissing suggestions", () => {
  it("accepting one creates a claim whose quote is the body at its offsets, and the suggestion is gone", async () => {
    const suggestion = covering(await listSuggestions(), KNOWN[1]!)!;
    const json = {
      startOffset: suggestion.startOffset,
      endOffset: suggestion.endOffset,
      statement: "Mali's government banned millet and sorghum exports in March 2024.",
      topic: "Economy",
    };
    const refused = await routes.createClaim(
      apiRequest(`/api/articles/${articleId}/claims`, { method: "POST", cookie: reviewer, json }),
      routeParams({ id: String(articleId) }),
    );
    expect(refused.status).toBe(403);
    const created = await responseJson(
      await routes.createClaim(
        apiRequest(`/api/articles/${articleId}/claims`, { method: "POST", cookie: editor, json }),
        routeParams({ id: String(articleId) }),
      ),
    );
    expect(created.status).toBe(201);
    const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: created.body.id as number } });
    expect(claim.quote).toBe(body.slice(claim.startOffset, claim.endOffset));
    expect(claim.quote).toBe(suggestion.text);
    expect(claim).toMatchObject({ status: "unreviewed", topic: "Economy", articleId });
    expect(await database.prisma.claimEvent.count({ where: { claimId: claim.id, action: "created" } })).toBe(1);
    expect(covering(await listSuggestions(), KNOWN[1]!)).toBeUndefined();

    const again = await responseJson(
      await routes.createClaim(
        apiRequest(`/api/articles/${articleId}/claims`, { method: "POST", cookie: editor, json }),
        routeParams({ id: String(articleId) }),
      ),
    );
    expect(again.status).toBe(400);
  });

  it("narrows a selected span to its words and refuses spans outside the text", async () => {
    const sentence = KNOWN[2]!;
    const start = body.indexOf(sentence);
    const post = (json: unknown) =>
      routes.createClaim(
        apiRequest(`/api/articles/${articleId}/claims`, { method: "POST", cookie: editor, json }),
        routeParams({ id: String(articleId) }),
      );
    const before = await database.prisma.claim.count();
    for (const json of [
      { startOffset: 0, endOffset: body.length + 5, statement: "Too long a span for this text.", topic: "Economy" },
      { startOffset: 10, endOffset: 5, statement: "Backwards span for this text.", topic: "Economy" },
      { startOffset: start, endOffset: start + 20, statement: "x", topic: "Economy" },
    ]) {
      expect((await post(json)).status).toBe(400);
    }
    expect(await database.prisma.claim.count()).toBe(before);
    const created = await responseJson(
      await post({
        startOffset: start - 2,
        endOffset: start + sentence.length + 2,
        statement: "Staple grain prices rose 40% in six months.",
        topic: "Economy",
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ startOffset: start, endOffset: start + sentence.length, quote: sentence });
  });

  it("remembers a dismissal, for editors only", async () => {
    const suggestion = covering(await listSuggestions(), KNOWN[0]!)!;
    const span = { startOffset: suggestion.startOffset, endOffset: suggestion.endOffset };
    const dismiss = (cookie: string) =>
      routes.dismiss(
        apiRequest(`/api/articles/${articleId}/suggestions/dismissals`, { method: "POST", cookie, json: span }),
        routeParams({ id: String(articleId) }),
      );
    expect((await dismiss(reviewer)).status).toBe(403);
    expect((await dismiss(editor)).status).toBe(201);
    expect((await dismiss(editor)).status).toBe(201);
    expect(await database.prisma.suggestionDismissal.count({ where: { articleId } })).toBe(1);
    expect(
      (await listSuggestions()).some(
        (item) => item.startOffset === span.startOffset && item.endOffset === span.endOffset,
      ),
    ).toBe(false);
  });
});

describe("reuse of earlier fact-checks", () => {
  it("a near-duplicate statement finds the earlier fact-check", async () => {
    const earlier = await database.prisma.claim.findFirstOrThrow({
      where: { articleId: { not: articleId } },
      select: { id: true, statement: true, quote: true },
    });
    await database.prisma.claim.update({
      where: { id: earlier.id },
      data: { status: "verified", verdict: "true", rationale: "Checked against two reports." },
    });
    const sentence = KNOWN[0]!;
    const start = body.indexOf(sentence);
    const created = await responseJson(
      await routes.createClaim(
        apiRequest(`/api/articles/${articleId}/claims`, {
          method: "POST",
          cookie: editor,
          json: {
            startOffset: start,
            endOffset: start + sentence.length,
            statement: earlier.statement.replace(/\.$/, ", as reported."),
            topic: "Humanitarian",
          },
        }),
        routeParams({ id: String(articleId) }),
      ),
    );
    expect(created.status).toBe(201);
    const response = await routes.similar(
      apiRequest(`/api/claims/${created.body.id}/similar`, { cookie: reviewer }),
      routeParams({ id: String(created.body.id) }),
    );
    const { items } = (await response.json()) as { items: { id: number }[] };
    expect(items[0]?.id).toBe(earlier.id);
  });
});

describe("suggestions computed once per article", () => {
  let id: number;
  let text: string;
  const stored = () => database.prisma.articleSuggestions.findUniqueOrThrow({ where: { articleId: id } });

  beforeAll(async () => {
    const imported = await responseJson(
      await routes.importArticle(
        apiRequest("/api/articles", {
          method: "POST",
          cookie: editor,
          json: { title: "Drought in the Sahel, again", language: "en", html: HTML },
        }),
        routeParams({}),
      ),
    );
    expect(imported.status).toBe(201);
    id = imported.body.id as number;
    text = (await database.prisma.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body;
  });

  it("runs the engine on the first read and stores its result with the engine's version", async () => {
    expect(await database.prisma.articleSuggestions.count({ where: { articleId: id } })).toBe(0);
    const items = await listSuggestions(editor, id);
    expect(items).toEqual(suggestClaims(text, "en"));
    expect(await stored()).toMatchObject({ engineVersion: SUGGESTION_ENGINE_VERSION, items });
  });

  it("answers later reads from the stored result, without running the engine again", async () => {
    const before = await stored();
    // A result the engine would never give for this body: a read that shows it did not compute.
    const marker = { startOffset: 0, endOffset: 7, text: text.slice(0, 7), score: 0.999, reasons: ["number"] };
    await database.prisma.articleSuggestions.update({ where: { articleId: id }, data: { items: [marker] } });
    expect(await listSuggestions(editor, id)).toEqual([marker]);
    expect(await listSuggestions(reviewer, id)).toEqual([marker]);
    expect((await stored()).computedAt).toEqual(before.computedAt);
  });

  it("runs the engine again when the stored result is of another engine version", async () => {
    const before = await stored();
    await database.prisma.articleSuggestions.update({
      where: { articleId: id },
      data: { engineVersion: "an older engine" },
    });
    expect(await listSuggestions(editor, id)).toEqual(suggestClaims(text, "en"));
    const after = await stored();
    expect(after.engineVersion).toBe(SUGGESTION_ENGINE_VERSION);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
  });

  it("takes out a dismissal and a new claim at once, from the stored result", async () => {
    const before = await stored();
    const [dismissed, claimed, ...rest] = await listSuggestions(editor, id);
    const dismissal = await routes.dismiss(
      apiRequest(`/api/articles/${id}/suggestions/dismissals`, {
        method: "POST",
        cookie: editor,
        json: { startOffset: dismissed!.startOffset, endOffset: dismissed!.endOffset },
      }),
      routeParams({ id: String(id) }),
    );
    expect(dismissal.status).toBe(201);
    // The claim covers only the last word of the suggestion: any overlap takes it out.
    const created = await routes.createClaim(
      apiRequest(`/api/articles/${id}/claims`, {
        method: "POST",
        cookie: editor,
        json: {
          startOffset: claimed!.endOffset - 6,
          endOffset: claimed!.endOffset,
          statement: "A claim on the last words.",
          topic: "Economy",
        },
      }),
      routeParams({ id: String(id) }),
    );
    expect(created.status).toBe(201);
    expect(await listSuggestions(editor, id)).toEqual(rest);
    expect((await stored()).computedAt).toEqual(before.computedAt);
  });

  it("is stored in one statement, so instances computing the same article at once do not collide", async () => {
    const items = suggestClaims(text, "en");
    await database.prisma.articleSuggestions.delete({ where: { articleId: id } });
    await Promise.all(Array.from({ length: 8 }, () => storeSuggestions(id, items)));
    expect(await stored()).toMatchObject({ engineVersion: SUGGESTION_ENGINE_VERSION, items });
  });
});
