import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { expectNoSeriousAccessibilityViolations, storageStateOf } from "./support";

test.use({ storageState: storageStateOf("editor") });

const HTML = readFileSync(path.join(import.meta.dirname, "../tests/fixtures/suggestions-article.html"), "utf8");

test("an editor accepts and dismisses suggestions, and claims any selected words", async ({ page }) => {
  const imported = await page.request.post("/api/articles", {
    data: { title: "Drought in the Sahel (workbench)", language: "en", publishedAt: "2024-06-01", html: HTML },
  });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: number };
  const article = new ArticlePage(page);
  await article.goto(id);

  const suggestions = page.getByRole("region", { name: /Suggested claims/ });
  await expect(suggestions.getByRole("heading", { name: /Suggested claims \(\d+\)/ })).toBeVisible();
  const countOf = async () => Number((await suggestions.getByRole("heading").textContent())!.match(/\((\d+)\)/)![1]);
  const initial = await countOf();
  expect(initial).toBeGreaterThanOrEqual(3);
  await expect(article.text.locator("mark[data-suggestion='1']").first()).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);

  const newClaim = page.getByRole("region", { name: "New claim" });
  await suggestions.getByRole("button", { name: "Accept S1…" }).click();
  const quote = (await newClaim.locator("blockquote").textContent())!;
  expect(quote.length).toBeGreaterThan(20);
  await newClaim
    .getByRole("textbox", { name: "Statement" })
    .fill("A checkable statement written by the editor from S1.");
  await newClaim.getByRole("combobox", { name: "Topic" }).fill("Economy");
  await newClaim.getByRole("button", { name: "Add the claim" }).click();
  await expect(newClaim.getByRole("status")).toContainText(/Claim #\d+ added\./);
  await expect(article.claimHighlights().filter({ hasText: quote.slice(0, 20) })).toHaveCount(1);
  await expect.poll(countOf).toBe(initial - 1);

  await suggestions.getByRole("button", { name: "Dismiss S1" }).click();
  await expect(suggestions.getByRole("status")).toContainText("will not be suggested again");
  await expect.poll(countOf).toBe(initial - 2);

  // Words selected mid-article get a "Claim this" button beside them, at a desktop width and on a
  // phone in the dark theme; Escape or a collapsed selection takes it away.
  const claimThis = page.getByRole("button", { name: "Claim this" });
  const expectClaimThisBeside = async (selection: { right: number; bottom: number }) => {
    await expect(claimThis).toBeInViewport({ ratio: 1 });
    const button = (await claimThis.boundingBox())!;
    expect(Math.abs(button.y - selection.bottom)).toBeLessThan(40);
    expect(Math.abs(button.x + button.width / 2 - selection.right)).toBeLessThan(200);
  };
  await page.setViewportSize({ width: 1366, height: 900 });
  await expect(newClaim).not.toContainText("Claim the selection");
  const filler = "Nobody in the village could say";
  await expectClaimThisBeside(await article.selectWords(filler));
  await page.keyboard.press("Escape");
  await expect(claimThis).toBeHidden();

  await expectClaimThisBeside(await article.selectWords(filler));
  await claimThis.click();
  await expect(newClaim.getByRole("spinbutton", { name: "Starts at" })).toBeFocused();
  await expect(newClaim.locator("blockquote")).toHaveText(filler);
  await expect(claimThis).toBeHidden();
  await newClaim.getByRole("textbox", { name: "Statement" }).fill("Villagers could not predict the coming season.");
  await newClaim.getByRole("combobox", { name: "Topic" }).fill("Society");
  await newClaim.getByRole("button", { name: "Add the claim" }).click();
  await expect(newClaim.getByRole("status")).toContainText(/Claim #\d+ added\./);
  await expect(article.claimHighlights().filter({ hasText: filler })).toHaveCount(1);
  await expect(claimThis).toHaveCount(0);
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe("");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveCSS("color-scheme", "dark");
  await expectClaimThisBeside(await article.selectWords("as it often is"));
  await page.evaluate(() => window.getSelection()!.collapseToEnd());
  await expect(claimThis).toBeHidden();
});
