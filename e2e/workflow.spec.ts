import { type Browser, expect, test } from "@playwright/test";
import { ClaimPage } from "./pages/claim-page";
import { SignInPage } from "./pages/sign-in-page";
import { DEMO_ACCOUNTS, findClaim, storageStateOf } from "./support";

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return { context, page };
}

test("a verdict needs a second reviewer: reviewer1 proposes, cannot approve, reviewer2 approves", async ({
  browser,
}) => {
  const first = await signedInPage(browser, DEMO_ACCOUNTS.reviewer1);
  const claim = await findClaim(first.page.request, "UNICEF estimates that 7.1 million people");
  const asReviewer1 = new ClaimPage(first.page);
  await asReviewer1.goto(claim.id);

  await asReviewer1.takeAndStart();
  await asReviewer1.addSource({
    url: "https://www.unicef.org/mali/humanitarian-action-children-2024",
    title: "Humanitarian Action for Children 2024: Mali",
    publisher: "UNICEF",
    stance: "supports",
  });
  await asReviewer1.addSource({
    url: "https://reliefweb.int/report/mali/mali-humanitarian-response-plan-2024",
    title: "Mali: Humanitarian Response Plan 2024",
    publisher: "OCHA",
    stance: "context",
  });
  await asReviewer1.propose(
    "True",
    "UNICEF's 2024 appeal for Mali counts 7.1 million people in need, 4.1 million of them children.",
  );

  await expect(asReviewer1.review.getByRole("button", { name: "Approve verdict" })).toHaveCount(0);
  await expect(asReviewer1.review).toContainText("You proposed this verdict, so someone else reviews it.");
  const current = await (await first.page.request.get(`/api/claims/${claim.id}`)).json();
  const selfApproval = await first.page.request.post(`/api/claims/${claim.id}/review`, {
    data: { version: current.version, decision: "approve" },
  });
  expect(selfApproval.status()).toBe(403);

  const second = await signedInPage(browser, DEMO_ACCOUNTS.reviewer2);
  const asReviewer2 = new ClaimPage(second.page);
  await asReviewer2.goto(claim.id);
  await asReviewer2.submit(asReviewer2.review, "Approve verdict", "Verdict approved: the claim is verified.");
  await expect(second.page.locator("header [data-status=verified]")).toBeVisible();

  await second.page.goto("/");
  await expect(second.page.getByText(/^1 of \d+ verified/)).toBeVisible();

  await asReviewer2.goto(claim.id);
  await asReviewer2.openHistory();
  const steps = asReviewer2.history.getByRole("listitem");
  await expect(steps.nth(0)).toContainText("Rita Reviewer started work");
  await expect(steps.nth(1)).toContainText("Rita Reviewer added a source");
  await expect(steps.nth(2)).toContainText("Rita Reviewer added a source");
  await expect(steps.nth(3)).toContainText("Rita Reviewer proposed a verdict");
  await expect(steps.nth(4)).toContainText("Rémi Reviewer approved the verdict");
  await expect(steps).toHaveCount(5);

  // Published: a public page anyone can read, carrying one ClaimReview that matches the claim.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  const response = await publicPage.goto(`/fact-checks/${claim.id}`);
  expect(response?.status()).toBe(200);
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(claim.statement);
  await expect(publicPage.getByText("Our verdict:")).toBeVisible();
  await expect(publicPage.locator("main [data-verdict=true]")).toHaveText(/True/);
  await expect(publicPage.getByRole("link", { name: "Humanitarian Action for Children 2024: Mali" })).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow",
  );
  const jsonLd = JSON.parse((await publicPage.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: new URL(`/fact-checks/${claim.id}`, publicPage.url()).href,
    claimReviewed: claim.statement,
    reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
    itemReviewed: { "@type": "Claim", author: { name: "UNICEF" }, datePublished: "2024-05-31" },
  });
  expect(jsonLd.reviewRating.ratingExplanation).toContain("7.1 million people in need");

  await visitor.close();
  await first.context.close();
  await second.context.close();
});

test("two people saving the same claim: the second sees who changed what, and keeps their text", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const claim = await findClaim(context.request, "retaking by force the town of Kidal");
  const [pageA, pageB] = [await context.newPage(), await context.newPage()];
  const [editorA, editorB] = [new ClaimPage(pageA), new ClaimPage(pageB)];
  await editorA.goto(claim.id);
  await editorA.takeAndStart();
  await editorB.goto(claim.id);

  await editorA.fillVerdict("Mostly true", "Kidal was retaken by the army in November 2023.");
  await editorA.submit(editorA.review, "Save draft", "Verdict draft saved.");

  const mine = "My own reading: the town fell on 14 November 2023 after a week of fighting.";
  await editorB.fillVerdict("True", mine);
  await editorB.review.getByRole("button", { name: "Save draft" }).click();
  const alert = pageB.getByRole("alert").filter({ hasText: "since you loaded this claim" });
  await expect(alert).toContainText("Edith Editor edited the verdict or rationale");
  await expect(editorB.review).toContainText("Kidal was retaken by the army in November 2023.");
  await expect(editorB.review.getByLabel("Rationale")).toHaveValue(mine);
  await expect(editorB.review.getByLabel("Verdict")).toHaveValue("true");

  // Saving again, having seen the current values, goes through.
  await editorB.submit(editorB.review, "Save draft", "Verdict draft saved.");
  const stored = await (await context.request.get(`/api/claims/${claim.id}`)).json();
  expect(stored).toMatchObject({ verdict: "true", rationale: mine });
  await context.close();
});
