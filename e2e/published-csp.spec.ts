import { expect, test } from "@playwright/test";
import { ANONYMOUS, openHydrated, watchCspViolations } from "./csp";
import { storageStateOf } from "./support";

// Runs after the workflow project, which verifies (and so publishes) a claim: its public page, with
// the ClaimReview in JSON-LD, under the page's CSP.
test.use(ANONYMOUS);

test("a published fact-check shows, carries its JSON-LD, and reports no CSP violation", async ({
  page,
  playwright,
  baseURL,
}) => {
  const reviewer = await playwright.request.newContext({ baseURL, storageState: storageStateOf("reviewer1") });
  const { items } = (await (await reviewer.get("/api/claims?status=verified&pageSize=1")).json()) as {
    items: { id: number; statement: string }[];
  };
  await reviewer.dispose();
  const claim = items[0]!;

  const violations = await watchCspViolations(page);
  await openHydrated(page, `/fact-checks/${claim.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(claim.statement);
  await expect(page.getByText("Our verdict:")).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<
    string,
    unknown
  >;
  expect(jsonLd).toMatchObject({
    "@type": "ClaimReview",
    claimReviewed: claim.statement,
    url: new URL(`/fact-checks/${claim.id}`, page.url()).href,
  });
  expect(await violations()).toEqual([]);
});
