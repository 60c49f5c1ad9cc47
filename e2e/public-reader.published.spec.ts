import { expect, test } from "@playwright/test";
import { ANONYMOUS } from "./csp";
import { expectNoSeriousAccessibilityViolations, lightnessOf, storageStateOf } from "./support";

// An anonymous reader, after the workflow project published a fact-check: the index (search, verdict
// filter, a page past the end), the fact-check, its article's page and the corrections log; at a
// desktop width, then on a phone in dark mode. Nothing is written.
test.use(ANONYMOUS);

interface PublishedClaim {
  id: number;
  statement: string;
  verdict: string;
  articleId: number;
  articleTitle: string;
}

test("a reader finds a fact-check in the index, reads its verdict once, its article and the corrections, on a desktop and a phone in dark mode", async ({
  page,
  playwright,
  baseURL,
}) => {
  // A claim the workflow published that is still published (another test retracts one): its ClaimReview answers 200.
  const reviewer = await playwright.request.newContext({ baseURL, storageState: storageStateOf("reviewer1") });
  const { items } = (await (await reviewer.get("/api/claims?status=verified&sort=recent&pageSize=100")).json()) as {
    items: PublishedClaim[];
  };
  let claim: PublishedClaim | undefined;
  for (const item of items) {
    if ((await reviewer.get(`/api/claims/${item.id}/claimreview`)).status() === 200) {
      claim = item;
      break;
    }
  }
  await reviewer.dispose();
  if (!claim) throw new Error("The workflow published no claim that is still published.");
  const statementLink = page.getByRole("link", { name: claim.statement, exact: true });

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/fact-checks");
  await expect(page.getByRole("heading", { level: 1, name: "Fact-checks" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "All fact-checks" })).toHaveAttribute("href", "/fact-checks");
  await expect(header.getByRole("link", { name: "Corrections" })).toHaveAttribute("href", "/corrections");
  await expect(page.getByRole("link", { name: /sign in/i })).toHaveCount(0);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute(
    "href",
    /\/fact-checks\/feed\.xml$/,
  );
  await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute(
    "href",
    /\/fact-checks\/feed\.json$/,
  );
  await expectNoSeriousAccessibilityViolations(page);

  // Search and filter through the GET form: the address carries both, so the result can be shared.
  const verdictLabel = (await page.locator(`select[name=verdict] option[value="${claim.verdict}"]`).textContent())!;
  const word = claim.statement.split(/\s+/).find((candidate) => /^[A-Za-z]{5,}$/.test(candidate))!;
  await page.getByRole("searchbox", { name: "Search" }).fill(word);
  await page.getByRole("combobox", { name: "Verdict" }).selectOption(claim.verdict);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]verdict=/);
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: word, verdict: claim.verdict });
  await expect(statementLink).toBeVisible();
  const listed = page.getByRole("listitem").filter({ has: statementLink });
  await expect(listed.locator(`[data-verdict="${claim.verdict}"]`)).toContainText(verdictLabel);
  await expect(listed.getByRole("link", { name: claim.articleTitle })).toBeVisible();
  const otherVerdict = claim.verdict === "false" ? "true" : "false";
  await page.getByRole("combobox", { name: "Verdict" }).selectOption(otherVerdict);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No fact-check matches this search.")).toBeVisible();
  await expect(statementLink).toHaveCount(0);

  // An old link to a page that no longer exists says so and leads back.
  await page.goto("/fact-checks?page=400");
  await expect(page.getByText("Page 400 is past the end of this list.")).toBeVisible();
  await page.getByRole("link", { name: "Go to the first page" }).click();
  await expect(page).toHaveURL(/\/fact-checks$/);

  // The fact-check: the verdict is a heading of its own, read once ("Our verdict: Mostly true").
  await statementLink.click();
  await expect(page.getByRole("heading", { level: 1, name: claim.statement })).toBeVisible();
  const verdictHeading = page.getByRole("heading", { level: 2, name: `Our verdict: ${verdictLabel}`, exact: true });
  await expect(verdictHeading).toBeVisible();
  await expect(page.getByText(/Verdict: /)).toHaveCount(0);
  await expect(page.getByText(/^Published \d{1,2} \w+ \d{4}$/)).toBeVisible();
  await expect(page.locator("mark")).not.toBeEmpty();
  const ratingSize = await verdictHeading
    .locator("span")
    .last()
    .evaluate((label) => parseFloat(getComputedStyle(label).fontSize));
  const statementSize = await page
    .getByRole("heading", { level: 1 })
    .evaluate((heading) => parseFloat(getComputedStyle(heading).fontSize));
  expect(ratingSize).toBeGreaterThan(statementSize);

  // On a phone in dark mode: the verdict is on the first screen, the page is dark and still accessible.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(verdictHeading).toBeInViewport();
  expect(await lightnessOf(page.locator("body"), "backgroundColor")).toBeLessThan(0.2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAccessibilityViolations(page);

  await page.getByRole("link", { name: "Every claim we checked in this article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: claim.articleTitle })).toBeVisible();
  await expect(statementLink).toBeVisible();

  await page.getByRole("banner").getByRole("link", { name: "Corrections" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Corrections" })).toBeVisible();
  await expect(page).toHaveURL(/\/corrections$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousAccessibilityViolations(page);
});
