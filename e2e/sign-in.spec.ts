import { expect, test } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";
import { expectNoSeriousAccessibilityViolations } from "./support";

test.use({ storageState: { cookies: [], origins: [] } });

test("a visitor is sent to sign in and comes back to the page asked for", async ({ page }) => {
  await page.goto("/claims?status=unreviewed");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const signIn = new SignInPage(page);
  await expectNoSeriousAccessibilityViolations(page);

  await signIn.signInRefused("reviewer1@example.org", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is wrong." })).toBeVisible();

  await signIn.signInRefused("nobody@example.org", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is wrong." })).toBeVisible();

  await signIn.signIn("reviewer1@example.org");
  await expect(page).toHaveURL(/\/claims\?status=unreviewed$/);
  await expect(page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Rita Reviewer")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the API answers 401 without a session", async ({ request }) => {
  const response = await request.get("/api/claims");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: expect.any(String) });
});

test("an unverified claim has no public fact-check page (404)", async ({ page, request }) => {
  const response = await page.goto("/fact-checks/1");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Fact-check not found" })).toBeVisible();
  expect((await request.get("/api/claims/1/claimreview")).status()).toBe(404);
});

test("the API docs are public and pass an axe scan", async ({ page, request }) => {
  // The largest page, and axe's scan of it: ~20 s alone, 1.3 min with four other suites on the machine.
  test.slow();
  expect((await request.get("/api/openapi.json")).status()).toBe(200);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousAccessibilityViolations(page);
});
