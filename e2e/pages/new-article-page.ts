import { expect, type Locator, type Page } from "@playwright/test";

export class NewArticlePage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole("region", { name: "New article" });
  }

  async goto() {
    await this.page.goto("/articles/new");
    await expect(this.page.getByRole("heading", { level: 1, name: "Add an article" })).toBeVisible();
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async pasteHtml(html: string) {
    await this.form.getByRole("radio", { name: /^HTML/ }).check();
    await this.field("Article text").fill(html);
  }

  async submit() {
    await this.form.getByRole("button", { name: "Add article" }).click();
  }
}
