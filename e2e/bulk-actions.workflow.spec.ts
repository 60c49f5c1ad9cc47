import { expect, test } from "@playwright/test";
import { ClaimsListPage } from "./pages/claims-list-page";
import { lightnessOf, storageStateOf } from "./support";

test.use({ storageState: storageStateOf("editor") });

test("an editor assigns two selected claims at once, then releases the page's claims on a phone in dark mode", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const claims = new ClaimsListPage(page);
  // The four claims about Étienne Fakaba Sissoko, which no other test changes.
  await claims.goto("?q=Sissoko");
  await expect(claims.rows).toHaveCount(4);
  const ids = (await claims.rows.locator("td:nth-child(2)").allTextContents()).map(Number);
  const [first, second, third] = ids as [number, number, number, number];
  const rowOf = (id: number) =>
    claims.rows.filter({ has: page.getByRole("checkbox", { name: `Select claim #${id}` }) });

  await page.getByRole("checkbox", { name: `Select claim #${first}` }).check();
  await page.getByRole("checkbox", { name: `Select claim #${third}` }).check();
  await expect(page.getByText("2 selected", { exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select all on this page" })).not.toBeChecked();
  await page.getByRole("combobox", { name: "Assign to" }).selectOption({ label: "Rémi Reviewer" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();

  const outcome = page.getByRole("status").filter({ hasText: "2 claims assigned to Rémi Reviewer." });
  await expect(outcome).toBeFocused();
  await expect(rowOf(first).getByRole("cell").nth(6)).toHaveText("Rémi Reviewer");
  await expect(rowOf(third).getByRole("cell").nth(6)).toHaveText("Rémi Reviewer");
  await expect(rowOf(second).getByRole("cell").nth(6)).toHaveText("Unassigned");
  await expect(page.getByText("0 selected", { exact: true })).toBeVisible();

  // A phone in dark mode: the list of small cards has the same checkboxes, and the bar fits the width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(claims.table).toBeHidden();
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  for (const id of ids) await expect(page.getByRole("checkbox", { name: `Select claim #${id}` })).toBeChecked();
  await expect(page.getByText("4 selected", { exact: true })).toBeVisible();
  const bar = page.getByRole("group", { name: "Change the selected claims" });
  expect(await lightnessOf(bar, "backgroundColor")).toBeLessThan(0.2);
  expect(await lightnessOf(bar.getByText("4 selected", { exact: true }), "color")).toBeGreaterThan(0.6);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Release" }).click();

  await expect(page.getByRole("status").filter({ hasText: "4 claims released: nobody is assigned." })).toBeFocused();
  await expect(page.getByRole("list", { name: /^Claims, sorted by/ }).getByText("Rémi Reviewer")).toHaveCount(0);
});
