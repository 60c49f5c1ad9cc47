import type { Locator, Page } from "@playwright/test";

export class ArticlePage {
  readonly text: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole("region", { name: "Article text" });
  }

  async goto(id: number) {
    await this.page.goto(`/articles/${id}`);
  }

  /** Links inside the article text that point at a claim. */
  claimHighlights() {
    return this.text.locator("a[data-claim-id]");
  }
}
