import { expect, type Locator, type Page } from "@playwright/test";

export class ClaimPage {
  readonly review: Locator;
  readonly sources: Locator;
  readonly history: Locator;
  /** The claim's assignee as the review panel states it ("Unassigned" when nobody). */
  readonly assignee: Locator;

  constructor(readonly page: Page) {
    this.review = page.getByRole("region", { name: "Review" });
    this.sources = page.getByRole("region", { name: /^Sources/ });
    this.history = page.getByRole("region", { name: "History" });
    // The first: a conflict notice lists the stored assignee too, after the panel's own line.
    this.assignee = this.review.locator("dt:text-is('Assignee') + dd").first();
  }

  async goto(id: number) {
    await this.page.goto(`/claims/${id}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  /** The history is folded away at first: this unfolds it. */
  async openHistory() {
    const details = this.history.locator("details");
    if (!(await details.evaluate((element: HTMLDetailsElement) => element.open)))
      await details.locator("summary").click();
    await expect(details).toHaveAttribute("open", "");
  }

  /** Clicks a button and waits for the server's confirmation, so the next step sees the new version. */
  async submit(scope: Locator, button: string, confirmation: string | RegExp) {
    await scope.getByRole("button", { name: button }).click();
    await expect(this.page.getByRole("status").filter({ hasText: confirmation })).toBeVisible();
  }

  /** One click begins an unassigned claim: the viewer takes it and starts work on it. */
  async takeAndStart() {
    await this.submit(this.review, "Take and start", "The claim is yours and work has started.");
  }

  async addSource(source: { url: string; title: string; publisher?: string; stance: string }) {
    await this.sources.getByLabel("Source URL").fill(source.url);
    await this.sources.getByLabel("Title", { exact: true }).fill(source.title);
    if (source.publisher) await this.sources.getByLabel("Publisher").fill(source.publisher);
    await this.sources.getByLabel("Stance").selectOption(source.stance);
    await this.sources.getByRole("button", { name: "Add source" }).click();
    await expect(this.sources.getByRole("link", { name: source.title })).toBeVisible();
  }

  async fillVerdict(verdict: string, rationale: string) {
    await this.review.getByLabel("Verdict").selectOption({ label: verdict });
    await this.review.getByLabel("Rationale").fill(rationale);
  }

  async propose(verdict: string, rationale: string) {
    await this.fillVerdict(verdict, rationale);
    await this.submit(this.review, "Propose for second review", "Verdict proposed for a second review.");
  }
}
