import { expect, test } from "@playwright/test";
import { lightnessOf } from "./support";

test("the theme follows a dark system setting until Light is chosen in the header, which a reload keeps", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const body = page.locator("body");
  const themes = page.getByRole("group", { name: "Theme" });
  await expect(themes.getByRole("button", { name: "System" })).toHaveAttribute("aria-pressed", "true");
  expect(await lightnessOf(body, "backgroundColor")).toBeLessThan(0.15);
  expect(await lightnessOf(body, "color")).toBeGreaterThan(0.85);
  expect(await lightnessOf(page.getByRole("banner"), "backgroundColor")).toBeLessThan(0.2);

  await themes.getByRole("button", { name: "Light" }).click();
  await expect(themes.getByRole("button", { name: "Light" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass("light");
  expect(await lightnessOf(body, "backgroundColor")).toBeGreaterThan(0.9);

  await page.reload();
  await expect(themes.getByRole("button", { name: "Light" })).toHaveAttribute("aria-pressed", "true");
  expect(await lightnessOf(body, "backgroundColor")).toBeGreaterThan(0.9);
  expect(await lightnessOf(body, "color")).toBeLessThan(0.2);

  await themes.getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass("dark");
  await page.emulateMedia({ colorScheme: "light" });
  expect(await lightnessOf(body, "backgroundColor")).toBeLessThan(0.15);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the header is two short rows: the links scroll sideways, the account and theme open from a button", async ({
    page,
  }) => {
    await page.goto("/claims");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const header = await page.getByRole("banner").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(110);

    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Overview", "Claims", "My queue", "Corrections"])
      await expect(nav.getByRole("link", { name })).toBeInViewport({ ratio: 0.5 });
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

    await page.getByRole("button", { name: "Account" }).click();
    await expect(page.getByRole("banner").getByText("Rita Reviewer")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeInViewport();
    await expect(page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" })).toBeInViewport();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

    // The list's filters wait behind a button, so the first claim is above the fold.
    await page.emulateMedia({ colorScheme: "dark" });
    const status = page.getByRole("combobox", { name: "Status" });
    await expect(status).toBeHidden();
    await expect(page.getByRole("main").getByRole("link", { name: /^Mali's junta organised/ })).toBeInViewport();
    const filters = page.getByRole("button", { name: "Filters", exact: true });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await filters.click();
    await status.selectOption({ label: "Unreviewed" });
    await page.waitForURL((url) => url.search === "?status=unreviewed");
    await expect(page.getByRole("button", { name: "Filters (1)" })).toHaveAttribute("aria-expanded", "true");

    await nav.getByRole("link", { name: "Corrections" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Corrections" })).toBeVisible();
  });
});
