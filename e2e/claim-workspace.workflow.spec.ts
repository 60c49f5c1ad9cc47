import { expect, type Locator, test } from "@playwright/test";
import { ClaimPage } from "./pages/claim-page";
import { findClaim, lightnessOf, storageStateOf } from "./support";

test("a reviewer begins in one click, an error goes once fixed, and a typed rationale survives a reload", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf("reviewer1") });
  const page = await context.newPage();
  const claim = await findClaim(context.request, "The media are under pressure");
  const asReviewer = new ClaimPage(page);
  await asReviewer.goto(claim.id);
  const header = page.locator("header", { has: page.getByRole("heading", { level: 1 }) });
  await expect(asReviewer.assignee).toHaveText("Unassigned");
  await expect(asReviewer.review.getByRole("button", { name: "Start work" })).toHaveCount(0);

  await asReviewer.review.getByRole("button", { name: "Take and start" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The claim is yours and work has started." })).toBeFocused();
  await expect(header.locator("[data-status=in_progress]")).toBeVisible();
  await expect(asReviewer.review.locator("[data-status=in_progress]")).toBeVisible();
  await expect(asReviewer.assignee).toHaveText("Rita Reviewer");

  const rationale = "Amnesty International and RSF both report suspensions of outlets and journalists.";
  await asReviewer.fillVerdict("True", rationale);
  await asReviewer.review.getByRole("button", { name: "Propose for second review" }).click();
  const missingSource = asReviewer.review.getByText("Attach at least one source first.");
  await expect(missingSource).toBeVisible();
  const refusal = page.getByRole("alert").filter({ hasText: "This verdict cannot be proposed yet." });
  await expect(refusal).toBeFocused();

  await asReviewer.addSource({
    url: "https://rsf.org/en/country/mali",
    title: "Mali: press freedom",
    publisher: "RSF",
    stance: "supports",
  });
  await expect(missingSource).toHaveCount(0);
  await expect(refusal).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^Source #\d+ added\.$/ })).toBeFocused();
  // Adding a source kept the unsaved rationale in its form.
  await expect(asReviewer.review.getByLabel("Rationale")).toHaveValue(rationale);
  // Labels in words: the stance as the sources panel says it, and no character offsets for a reviewer.
  await expect(asReviewer.history).toContainText("Supports the claim");
  await expect(page.getByText("Character offsets")).toHaveCount(0);

  // Leaving with unsaved text asks first; after the reload the text is back.
  const askedFirst = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.type());
      void dialog.accept();
    }),
  );
  await page.reload();
  expect(await askedFirst).toBe("beforeunload");
  await expect(asReviewer.review.getByLabel("Rationale")).toHaveValue(rationale);
  await expect(asReviewer.review.getByLabel("Verdict")).toHaveValue("true");

  await asReviewer.submit(asReviewer.review, "Save draft", "Verdict draft saved.");
  const stored = await (await context.request.get(`/api/claims/${claim.id}`)).json();
  expect(stored).toMatchObject({ status: "in_progress", verdict: "true", rationale });

  // The workspace at a desktop width: the claim and its sources on the main side, the review panel
  // beside them, still in view once scrolled down to the history, which is folded away until opened.
  await page.setViewportSize({ width: 1366, height: 900 });
  const desktop = await boxesOf([asReviewer.sources, asReviewer.review]);
  expect(desktop[1]!.x).toBeGreaterThan(desktop[0]!.x + desktop[0]!.width);
  await expect(asReviewer.history.getByRole("list")).toBeHidden();
  await asReviewer.history.scrollIntoViewIfNeeded();
  await expect(asReviewer.review.getByRole("heading", { name: "Review" })).toBeInViewport();
  await expect(asReviewer.review.getByRole("button", { name: "Propose for second review" })).toBeInViewport();
  await asReviewer.openHistory();
  await expect(asReviewer.history.getByRole("listitem").first()).toContainText("Rita Reviewer started work");

  // On a phone, one column in reading order: the claim, its sources, the review panel, the history.
  await page.setViewportSize({ width: 390, height: 844 });
  const phone = await boxesOf([
    page.getByRole("heading", { level: 1 }),
    page.getByRole("region", { name: "In the article" }),
    asReviewer.sources,
    asReviewer.review,
    asReviewer.history,
  ]);
  for (const [index, box] of phone.entries()) {
    expect(box.x).toBeLessThan(30);
    if (index > 0) expect(box.y).toBeGreaterThan(phone[index - 1]!.y + phone[index - 1]!.height - 1);
  }
  await page.getByRole("link", { name: "Go to the review" }).click();
  await expect(asReviewer.review.getByRole("heading", { name: "Review" })).toBeInViewport();

  // Dark: the panel is a dark surface with light text, and the quoted words stay marked and readable.
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await lightnessOf(asReviewer.review, "backgroundColor")).toBeLessThan(0.3);
  expect(await lightnessOf(asReviewer.review, "color")).toBeGreaterThan(0.7);
  const quote = page.getByRole("region", { name: "In the article" }).locator("mark");
  const quoteContrast = (await lightnessOf(quote, "backgroundColor")) - (await lightnessOf(quote, "color"));
  expect(Math.abs(quoteContrast)).toBeGreaterThan(0.5);
  await context.close();
});

async function boxesOf(locators: Locator[]) {
  const boxes = [];
  for (const locator of locators) {
    const box = await locator.boundingBox();
    expect(box, String(locator)).not.toBeNull();
    boxes.push(box!);
  }
  return boxes;
}

/** How light a colour property of an element is, 0 (black) to 1 (white), whatever its CSS notation (oklch). */

test("after a conflict the whole page shows the stored claim, and the typed text stays", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const page = await context.newPage();
  const claim = await findClaim(context.request, "sealed a non-aggression alliance");
  const asEditor = new ClaimPage(page);
  await asEditor.goto(claim.id);
  await asEditor.takeAndStart();
  await expect(asEditor.assignee).toHaveText("Edith Editor");

  // Meanwhile, through the API, the claim is released.
  const current = await (await context.request.get(`/api/claims/${claim.id}`)).json();
  const released = await context.request.patch(`/api/claims/${claim.id}`, {
    data: { version: current.version, assigneeId: null },
  });
  expect(released.status()).toBe(200);

  const mine = "The alliance is reported by the UN panel of experts, not denied by the junta.";
  await asEditor.fillVerdict("Mostly true", mine);
  await asEditor.review.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "since you loaded this claim" })).toBeFocused();
  await expect(asEditor.assignee).toHaveText("Unassigned");
  await expect(asEditor.review.getByLabel("Rationale")).toHaveValue(mine);
  await expect(asEditor.review.getByLabel("Verdict")).toHaveValue("mostly_true");
  await context.close();
});
