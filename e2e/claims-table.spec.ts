import { expect, test } from "@playwright/test";
import { ClaimsListPage } from "./pages/claims-list-page";
import { seededArticle } from "./support";

test.use({ viewport: { width: 1366, height: 900 } });

test("the claims table: fifteen rows in one screen, sorting by a header, and a page past the end", async ({
  page,
  request,
}) => {
  const article = await seededArticle(request);
  const claims = new ClaimsListPage(page);
  await claims.goto();
  const table = claims.table;
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText([
    /Number/,
    "Statement",
    /Status/,
    /Verdict/,
    "Topic",
    "Assignee",
    "Sources",
    /Last change/,
  ]);
  // Reviewers change claims one at a time: the bulk bar and its checkboxes are for editors.
  await expect(page.getByRole("main").getByRole("checkbox")).toHaveCount(0);

  await expect(claims.rows).toHaveCount(20);
  const rowsInView = await claims.rows.evaluateAll(
    (rows) =>
      rows.filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }).length,
  );
  expect(rowsInView).toBeGreaterThanOrEqual(15);

  const statusHeader = table.getByRole("columnheader", { name: /Status/ });
  await expect(statusHeader).not.toHaveAttribute("aria-sort");
  await expect(table.getByRole("columnheader", { name: /Number/ })).toHaveAttribute("aria-sort", "ascending");
  await statusHeader.getByRole("link").click();
  await expect(page).toHaveURL(/\/claims\?sort=status$/);
  await expect(statusHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("columnheader", { name: /Number/ })).not.toHaveAttribute("aria-sort");
  await expect(table.getByRole("caption")).toHaveText("Claims, sorted by review status");

  const lastPage = Math.ceil(article.claimCount / 20);
  await claims.goto("?page=99");
  await expect(
    page.getByText(`Page 99 is past the end: ${article.claimCount} claims fill ${lastPage} pages`),
  ).toBeVisible();
  await expect(table).toBeHidden();
  await page.getByRole("link", { name: "Go to the last page" }).click();
  await expect(page).toHaveURL(new RegExp(`/claims\\?page=${lastPage}$`));
  await expect(
    page.getByText(`Showing ${(lastPage - 1) * 20 + 1}–${article.claimCount} of ${article.claimCount} claims`),
  ).toBeVisible();
});

test("filters apply as they change, the URL holds only what is set, and Back restores the list", async ({
  page,
  request,
}) => {
  const article = await seededArticle(request);
  const claims = new ClaimsListPage(page);
  await claims.goto();
  const everything = page.getByText(`Showing 1–20 of ${article.claimCount} claims`);
  await expect(everything).toBeVisible();

  // Typed, never submitted: the search runs after a pause, and the URL gets q alone.
  await claims.searchBox.pressSequentially("Kidal");
  await page.waitForURL((url) => url.search === "?q=Kidal");
  await expect(claims.rows).toHaveCount(2);
  for (const row of await claims.rows.all()) await expect(row).toContainText("Kidal");

  await claims.statusFilter.selectOption({ label: "Unreviewed" });
  await page.waitForURL((url) => url.search === "?q=Kidal&status=unreviewed");

  await page.goBack();
  await page.waitForURL((url) => url.search === "?q=Kidal");
  await expect(claims.statusFilter).toHaveValue("");
  await expect(claims.searchBox).toHaveValue("Kidal");
  await page.goBack();
  await page.waitForURL((url) => url.pathname === "/claims" && url.search === "");
  await expect(claims.searchBox).toHaveValue("");
  await expect(everything).toBeVisible();
});
