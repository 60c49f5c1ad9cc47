import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolations, seededArticle, storageStateOf } from "./support";

// One page per test: a scan's time is the page's, so a slow machine cannot push eight of them past one limit.
// Three key pages are scanned again in dark mode, on the same page load (the theme is only CSS).
const SCANNED_PAGES: {
  name: string;
  path: (ids: { article: number; claim: number }) => string;
  alsoDark?: true;
}[] = [
  { name: "the overview", path: () => "/", alsoDark: true },
  { name: "the claims list", path: () => "/claims" },
  { name: "a filtered, paged claims list", path: () => "/claims?q=Mali&status=unreviewed&page=2" },
  { name: "a claim", path: ({ claim }) => `/claims/${claim}`, alsoDark: true },
  { name: "the article", path: ({ article }) => `/articles/${article}`, alsoDark: true },
  { name: "an unknown claim (not found)", path: () => "/claims/999999" },
  { name: "my queue", path: () => "/queue" },
  { name: "the corrections log", path: () => "/corrections" },
];

for (const scanned of SCANNED_PAGES) {
  const themes = scanned.alsoDark ? ", in light and dark mode" : "";
  test(`${scanned.name} passes an axe scan with no serious or critical violation${themes}`, async ({
    page,
    request,
  }) => {
    const article = await seededArticle(request);
    const detail = (await (await request.get(`/api/articles/${article.id}`)).json()) as { claims: { id: number }[] };
    await page.goto(scanned.path({ article: article.id, claim: detail.claims[0]!.id }));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    if (scanned.alsoDark) {
      await page.emulateMedia({ colorScheme: "dark" });
      await expectNoSeriousAccessibilityViolations(page);
    }
  });
}

test.describe("as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the users page passes an axe scan, and deactivating asks first in a dialog that Escape closes", async ({
    page,
  }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);

    // Nothing is stored here (this project's data stays as seeded): the dialog is opened and dismissed.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    const deactivate = page.getByRole("button", { name: "Deactivate Rita Reviewer" });
    await deactivate.click();
    const dialog = page.getByRole("dialog", { name: "Deactivate Rita Reviewer?" });
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoSeriousAccessibilityViolations(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(deactivate).toBeFocused();
    await expect(page.getByRole("row", { name: /Rita Reviewer/ })).toContainText("Active");
  });
});

test.describe("as an editor", () => {
  test.use({ storageState: storageStateOf("editor") });

  test("the article import form passes an axe scan, empty and with its field errors", async ({ page }) => {
    await page.goto("/articles/new");
    await expect(page.getByRole("heading", { level: 1, name: "Add an article" })).toBeVisible();
    await expectNoSeriousAccessibilityViolations(page);
    // A refused submit stores nothing, so this project's data stays as seeded.
    await page.getByRole("button", { name: "Add article" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some fields need attention.");
    await expectNoSeriousAccessibilityViolations(page);
  });
});

test("a reviewer is refused the article import form with 403, and is not offered it", async ({ page }) => {
  const response = await page.goto("/articles/new");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add an article" })).toHaveCount(0);
});

test("a reviewer is refused the users page with 403", async ({ page }) => {
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
});
