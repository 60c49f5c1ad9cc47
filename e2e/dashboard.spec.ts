import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { ClaimsListPage } from "./pages/claims-list-page";
import { seededArticle } from "./support";

test("the overview shows 0 verified of every seeded claim, and the article with its count", async ({
  page,
  request,
}) => {
  const article = await seededArticle(request);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText(`0 of ${article.claimCount} verified (0%)`)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Claims verified" })).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("link", { name: "Unreviewed" })).toContainText(String(article.claimCount));
  await expect(page.getByRole("link", { name: article.title })).toBeVisible();
  await expect(page.getByRole("link", { name: `${article.claimCount} claims` })).toBeVisible();
});

test("searching the list finds the 7.1 million claim, and its page highlights the quote", async ({ page }) => {
  const claims = new ClaimsListPage(page);
  await claims.goto();
  await claims.search("7.1 million");
  await expect(page.getByText(/^Showing 1–\d+ of \d+ claims?$/)).toBeVisible();
  const unicef = claims.claimLink("UNICEF estimates that 7.1 million people in Mali need humanitarian assistance.");
  await expect(unicef).toBeVisible();

  // The view lives in the URL: reloading the link reproduces it.
  await page.reload();
  await expect(claims.searchBox).toHaveValue("7.1 million");
  await expect(unicef).toBeVisible();

  await unicef.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "UNICEF estimates that 7.1 million people in Mali need humanitarian assistance.",
  );
  const quoteSection = page.getByRole("region", { name: "In the article" });
  await expect(quoteSection.locator("mark")).toHaveText("UNICEF estimates that 7.1 million people");
  await expect(quoteSection).toContainText("more than half of them children, need humanitarian assistance");
  await expect(page.getByText("Attributed to")).toBeVisible();
  await expect(page.getByRole("region", { name: /Sources/ })).toContainText("No source has been attached yet.");
});

test("filters held in the URL: status, no match, and pagination", async ({ page, request }) => {
  const article = await seededArticle(request);
  const claims = new ClaimsListPage(page);
  await claims.goto();
  await expect(page.getByText(`Showing 1–20 of ${article.claimCount} claims`)).toBeVisible();

  await claims.filterByStatus("Verified");
  await expect(page).toHaveURL(/status=verified/);
  await expect(page.getByText("No claim matches these filters.")).toBeVisible();

  await claims.goto("?status=unreviewed");
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/status=unreviewed.*page=2|page=2.*status=unreviewed/);
  await expect(
    page.getByText(`Showing 21–${Math.min(40, article.claimCount)} of ${article.claimCount} claims`),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
});

test("a link with a bad parameter still shows the list and says what was ignored", async ({ page }) => {
  const response = await page.goto("/claims?status=bogus&pageSize=5000");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "were not understood" })).toContainText("status");
  await expect(page.getByText(/^Showing 1–20 of/)).toBeVisible();
});

test("the article page highlights and links every claim, with its status in text", async ({ page, request }) => {
  const article = await seededArticle(request);
  const detail = (await (await request.get(`/api/articles/${article.id}`)).json()) as { claims: { id: number }[] };
  const articlePage = new ArticlePage(page);
  await articlePage.goto(article.id);
  await expect(page.getByRole("heading", { level: 1, name: article.title })).toBeVisible();

  const highlights = articlePage.claimHighlights();
  const linked = new Set<number>();
  for (const link of await highlights.all()) {
    const id = Number(await link.getAttribute("data-claim-id"));
    await expect(link).toHaveAttribute("href", `/claims/${id}`);
    linked.add(id);
  }
  expect([...linked].sort((a, b) => a - b)).toEqual(detail.claims.map((claim) => claim.id).sort((a, b) => a - b));
  await expect(highlights.first()).toContainText(/\(claim \d+, Unreviewed\)/);

  await highlights.filter({ hasText: "7.1 million" }).click();
  await expect(page).toHaveURL(/\/claims\/\d+$/);
  await expect(page.getByRole("region", { name: "In the article" }).locator("mark")).toHaveText(
    "UNICEF estimates that 7.1 million people",
  );
});

test("an unknown claim id shows the not-found page with status 404", async ({ page }) => {
  for (const path of ["/claims/999999", "/claims/not-a-number", "/articles/999999"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: /not found/ })).toBeVisible();
  }
});

test("the API answers 400 with field errors and 404 as JSON", async ({ request }) => {
  const invalid = await request.get("/api/claims?pageSize=101&status=maybe");
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({
    fields: { pageSize: [expect.any(String)], status: [expect.any(String)] },
  });
  const missing = await request.get("/api/claims/999999");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: expect.any(String) });
});

test("keyboard: skip link, then search from the keyboard alone", async ({ page }) => {
  await page.goto("/claims");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("searchbox", { name: "Search quote and statement" }).focus();
  await page.keyboard.type("Kidal");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Kidal/);
  await expect(page.getByRole("main").getByRole("link", { name: /Kidal/ }).first()).toBeVisible();
});

test.describe("at a phone's width", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("no page scrolls sideways", async ({ page, request }) => {
    const article = await seededArticle(request);
    for (const path of ["/", "/claims", `/articles/${article.id}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test("the CSV download holds exactly the filtered view", async ({ page }) => {
  const claims = new ClaimsListPage(page);
  await claims.goto("?q=banned");
  const shown = Number((await page.getByText(/^Showing 1–\d+ of \d+ claims?$/).textContent())?.match(/of (\d+)/)?.[1]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV of this view" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^claims-q-banned-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^id,article,quote,statement,status,verdict,/);
  expect(lines.length - 1).toBe(shown);
});
