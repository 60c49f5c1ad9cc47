import { expect, test } from "@playwright/test";
import { ClaimPage } from "./pages/claim-page";
import { findClaim, storageStateOf } from "./support";

test("a reviewer begins in one click, an error goes once fixed, and a typed rationale survives a reload", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateOf("reviewer1") });
  const page = await context.newPage();
  const claim = await findClaim(context.request, "The media are under pressure");
  const asReviewer = new ClaimPage(page);
  await asReviewer.goto(claim.id);
  const header = page.locator("header", { has: page.getByRole("heading", { level: 1 }) });
  await expect(header).toContainText("Unassigned");
  await expect(asReviewer.review.getByRole("button", { name: "Start work" })).toHaveCount(0);

  await asReviewer.review.getByRole("button", { name: "Take and start" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The claim is yours and work has started." })).toBeFocused();
  await expect(header.locator("[data-status=in_progress]")).toBeVisible();
  await expect(header).toContainText("Rita Reviewer");

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
  await context.close();
});

test("after a conflict the whole page shows the stored claim, and the typed text stays", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("editor") });
  const page = await context.newPage();
  const claim = await findClaim(context.request, "sealed a non-aggression alliance");
  const asEditor = new ClaimPage(page);
  await asEditor.goto(claim.id);
  await asEditor.takeAndStart();
  const header = page.locator("header", { has: page.getByRole("heading", { level: 1 }) });
  await expect(header).toContainText("Edith Editor");

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
  await expect(header).toContainText("Unassigned");
  await expect(header).not.toContainText("Edith Editor");
  await expect(asEditor.review.getByLabel("Rationale")).toHaveValue(mine);
  await expect(asEditor.review.getByLabel("Verdict")).toHaveValue("mostly_true");
  await context.close();
});
