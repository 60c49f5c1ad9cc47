import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ArticlePage } from "./pages/article-page";
import { NewArticlePage } from "./pages/new-article-page";
import { storageStateOf } from "./support";

test.use({ storageState: storageStateOf("editor") });

const HTML = readFileSync(path.join(import.meta.dirname, "../tests/fixtures/article-import.html"), "utf8");

test("an editor pastes a web page's HTML and gets the article page with its paragraphs, and nothing around them", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Add an article" }).click();
  const form = new NewArticlePage(page);
  await expect(page.getByRole("heading", { level: 1, name: "Add an article" })).toBeVisible();

  // Refused without a title: the error sits on the field, and what was pasted is still there.
  await form.pasteHtml(HTML);
  await form.field("Publisher").fill("The Daily Ledger");
  await form.submit();
  await expect(form.form.getByRole("alert")).toHaveText("Some fields need attention.");
  await expect(form.field("Title")).toHaveAttribute("aria-invalid", "true");
  await expect(form.form.getByText("Give the article's title.")).toBeVisible();
  await expect(form.field("Article text")).toHaveValue(HTML.replace(/\r\n/g, "\n"));
  await expect(form.form.getByRole("radio", { name: /^HTML/ })).toBeChecked();
  await expect(form.form.getByText("Paste the text or upload a file, not both.")).toHaveCount(0);
  await expect(form.field("Publisher")).toHaveValue("The Daily Ledger");

  await form.field("Title").fill("Drought pushes grain prices up across the Sahel");
  await form.field("Published on").fill("2025-03-03");
  await form.field("Language").selectOption("en");
  await form.submit();

  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Drought pushes grain prices up across the Sahel");
  const article = new ArticlePage(page);
  const paragraphs = article.text.locator("p");
  await expect(paragraphs).toHaveCount(9);
  await expect(paragraphs.nth(0)).toContainText(
    "The price of millet in Bamako rose by 38\u00a0% between January 2024 and January 2025, according to the World Food Programme.",
  );
  await expect(paragraphs.nth(2)).toHaveText(/^Aid falls short/);
  await expect(paragraphs.nth(7)).toContainText(
    "- Millet: 38% higher than a year ago\n- Sorghum: 24% higher than a year ago",
  );
  for (const dropped of [
    "We use cookies",
    "World news",
    "Subscribe for one euro",
    "Related stories",
    "All rights reserved",
    "dataLayer",
  ]) {
    await expect(article.text).not.toContainText(dropped);
  }
});

test("an editor uploads a Markdown file, kept as plain text with its paragraphs, without the page's furniture", async ({
  page,
}) => {
  const form = new NewArticlePage(page);
  await form.goto();
  await form.field("Title").fill("Notes from the market (upload)");
  await form.field("Language").selectOption("fr");
  await form.field("Or upload a file").setInputFiles({
    name: "notes.md",
    mimeType: "text/markdown",
    // Copied from a web page: its address, a copyright line and a donate link around the article.
    buffer: Buffer.from(
      [
        "<https://example.org/marche>",
        "# Le marché",
        "Le prix du mil a augmenté de 38 %.",
        "© 2025 Le Journal - Tous droits réservés",
        "*Source* : le PAM.",
        "Soutenez notre travail : [Faire un don](https://example.org/don)",
      ].join("\r\n\r\n"),
      "utf8",
    ),
  });
  await form.submit();

  await expect(page).toHaveURL(/\/articles\/\d+$/);
  const articleText = new ArticlePage(page).text;
  const paragraphs = articleText.locator("p");
  await expect(paragraphs).toHaveCount(3);
  // Suggested spans carry a rank after them (S1…), so the paragraphs are compared by what they start with.
  await expect(paragraphs.nth(0)).toHaveText(/^# Le marché/);
  await expect(paragraphs.nth(2)).toHaveText(/^\*Source\* : le PAM\./);
  for (const furniture of ["example.org", "Tous droits réservés", "Faire un don"]) {
    await expect(articleText).not.toContainText(furniture);
  }
});
