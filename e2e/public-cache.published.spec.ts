import http from "node:http";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { expectHashedCsp } from "./csp";
import { secondInstanceURL, storageStateOf } from "./support";

// Readers' pages are generated once and served from each instance's cache; a change committed through
// one instance reaches the other through PostgreSQL NOTIFY (lib/cache/handler.mjs). The desk writes on
// the first instance (baseURL), the reader reads on the second. In the "published" project, after the
// workflow's tests: the claim it verifies (and retracts: a retraction is final) changes no figure they check.

/** What the issue promises: a change shows on every instance within this long. */
const FRESH_WITHIN_MS = 2_000;

const BODY =
  "Cache test. The desk counted 412 checkpoints on the road to Gao in March. Nothing else was counted that week.";
const SENTENCE = "The desk counted 412 checkpoints on the road to Gao in March.";

async function write(request: APIRequestContext, method: "post" | "patch", path: string, data: object) {
  const response = await request[method](path, { data });
  expect(response.status(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function versionOf(request: APIRequestContext, claimId: number): Promise<number> {
  return ((await (await request.get(`/api/claims/${claimId}`)).json()) as { version: number }).version;
}

/** A GET with forged Host and X-Forwarded-* headers, which Playwright's request context would not send as given. */
function forgedGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
  });
}

/** Polls until the reader's instance answers what `check` wants; the issue gives a change 2 s to show. */
async function expectFreshOnReader(what: string, check: () => Promise<boolean>) {
  const started = Date.now();
  await expect.poll(check, { message: what, timeout: FRESH_WITHIN_MS, intervals: [25, 50, 100] }).toBe(true);
  return Date.now() - started;
}

test("a fact-check approved on one instance is served fresh, cached and unpoisoned by another", async ({
  playwright,
  baseURL,
}) => {
  const editor = await playwright.request.newContext({ baseURL, storageState: storageStateOf("editor") });
  const approver = await playwright.request.newContext({ baseURL, storageState: storageStateOf("reviewer2") });
  const reader = await playwright.request.newContext({ baseURL: secondInstanceURL() });
  // Playwright waits for the first instance only.
  await expect
    .poll(async () => (await reader.get("/api/health").catch(() => null))?.status(), { timeout: 60_000 })
    .toBe(200);

  const article = await write(editor, "post", "/api/articles", {
    title: "Checkpoints on the road to Gao",
    language: "en",
    publishedAt: "2024-06-03",
    body: BODY,
  });
  const start = BODY.indexOf(SENTENCE);
  const claim = await write(editor, "post", `/api/articles/${article.id as number}/claims`, {
    startOffset: start,
    endOffset: start + SENTENCE.length,
    statement: "There were 412 checkpoints on the road to Gao in March 2024.",
    topic: "Security",
  });
  const id = claim.id as number;
  const pagePath = `/fact-checks/${id}`;
  const claimReviewPath = `/api/claims/${id}/claimreview`;

  // Before publication the reader's instance answers 404, and keeps that answer in its cache.
  expect((await reader.get(pagePath)).status()).toBe(404);
  expect((await reader.get(pagePath)).headers()["x-nextjs-cache"]).toBe("HIT");
  expect((await reader.get(claimReviewPath)).status()).toBe(404);

  const session = (await (await editor.get("/api/auth/get-session")).json()) as { user: { id: string } };
  await write(editor, "patch", `/api/claims/${id}`, {
    version: await versionOf(editor, id),
    assigneeId: session.user.id,
    status: "in_progress",
  });
  await write(editor, "post", `/api/claims/${id}/sources`, {
    url: "https://example.org/gao-checkpoints",
    title: "Checkpoint survey, March 2024",
    stance: "supports",
  });
  await write(editor, "patch", `/api/claims/${id}`, {
    version: await versionOf(editor, id),
    verdict: "mostly_true",
    rationale: "The survey counted 409 to 414 checkpoints depending on the day.",
    status: "awaiting_second_review",
  });
  await write(approver, "post", `/api/claims/${id}/review`, {
    version: await versionOf(approver, id),
    decision: "approve",
  });

  // The first requests after the approval carry forged Host and X-Forwarded-Host headers: whatever they
  // generate is what every later reader gets, so none of it may come from them.
  let forgedPage = { status: 0, body: "" };
  const pageDelay = await expectFreshOnReader("the page is published on the reader's instance", async () => {
    forgedPage = await forgedGet(`${secondInstanceURL()}${pagePath}`);
    return forgedPage.status === 200;
  });
  let forgedReview = { status: 0, body: "" };
  await expectFreshOnReader("the ClaimReview is published on the reader's instance", async () => {
    forgedReview = await forgedGet(`${secondInstanceURL()}${claimReviewPath}`);
    return forgedReview.status === 200;
  });
  const configuredUrl = `${new URL(baseURL!).origin}${pagePath}`;
  for (const body of [forgedPage.body, forgedReview.body]) {
    expect(body).not.toContain("evil.example");
    expect(body).toContain(configuredUrl);
  }
  expect(pageDelay).toBeLessThan(FRESH_WITHIN_MS);

  // Served from the cache with headers a CDN can keep, revalidated with a 304.
  const page: APIResponse = await reader.get(pagePath);
  expect(page.status()).toBe(200);
  expect(page.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(page.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=86400");
  expect(await page.text()).toBe(forgedPage.body);
  await expectHashedCsp(page);
  const etag = page.headers()["etag"]!;
  expect((await reader.get(pagePath, { headers: { "if-none-match": etag } })).status()).toBe(304);
  const review = await reader.get(claimReviewPath);
  expect(review.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=86400");
  expect(await review.text()).toBe(forgedReview.body);
  expect(
    (await reader.get(claimReviewPath, { headers: { "if-none-match": review.headers()["etag"]! } })).status(),
  ).toBe(304);

  // The share card its Open Graph metadata names is a PNG, generated on the server with the shipped font.
  const cardUrl = /<meta property="og:image" content="([^"]+)"/.exec(forgedPage.body)?.[1]?.replaceAll("&amp;", "&");
  expect(cardUrl, "og:image").toMatch(new RegExp(`^${new URL(baseURL!).origin}/fact-checks/${id}/`));
  const card = await editor.get(cardUrl!);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect((await card.body()).subarray(1, 4).toString()).toBe("PNG");

  // A correction: reopened with a reason, a new verdict proposed and approved on the first instance.
  await write(editor, "post", `/api/claims/${id}/reopen`, {
    version: await versionOf(editor, id),
    reason: "A second survey counted fewer checkpoints.",
  });
  await write(editor, "patch", `/api/claims/${id}`, {
    version: await versionOf(editor, id),
    verdict: "mixed",
    rationale: "A second survey counted 388 checkpoints; the figure depends on the week.",
    status: "awaiting_second_review",
  });
  await write(approver, "post", `/api/claims/${id}/review`, {
    version: await versionOf(approver, id),
    decision: "approve",
  });
  await expectFreshOnReader("the corrected verdict shows on the reader's instance", async () => {
    const corrected = await reader.get(pagePath);
    const text = await corrected.text();
    return corrected.status() === 200 && text.includes("A second survey counted fewer checkpoints.");
  });
  const correctedReview = (await (await reader.get(claimReviewPath)).json()) as {
    reviewRating: { alternateName: string };
  };
  expect(correctedReview.reviewRating.alternateName).toBe("Mixed");

  // The feeds and the sitemap list it, on the reader's instance too.
  const listed = new RegExp(`${configuredUrl.replaceAll(".", "\\.")}(?!\\d)`);
  const lists = ["/fact-checks/feed.xml", "/fact-checks/feed.json", "/sitemaps/fact-checks-1.xml"];
  for (const list of lists) {
    await expectFreshOnReader(`${list} lists it`, async () => listed.test(await (await reader.get(list)).text()));
  }

  const inIndex = async () => (await (await reader.get("/fact-checks")).text()).includes(`href="/fact-checks/${id}"`);
  await expectFreshOnReader("the index lists it", inIndex);

  // Retracted through the first instance: the page says so and why, the ClaimReview is gone (410),
  // and the feeds and the sitemap drop it.
  const reason = "The survey author withdrew it after a recount.";
  await write(editor, "post", `/api/claims/${id}/retract`, { version: await versionOf(editor, id), reason });
  await expectFreshOnReader("the page says it was retracted, and why", async () =>
    (await (await reader.get(pagePath)).text()).includes(reason),
  );
  expect((await reader.get(claimReviewPath)).status()).toBe(410);
  await expectFreshOnReader("the index drops it", async () => !(await inIndex()));
  for (const list of lists) {
    await expectFreshOnReader(`${list} drops it`, async () => !listed.test(await (await reader.get(list)).text()));
  }

  await Promise.all([editor.dispose(), approver.dispose(), reader.dispose()]);
});
