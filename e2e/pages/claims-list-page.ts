import { expect, type Locator, type Page } from "@playwright/test";

export class ClaimsListPage {
  readonly searchBox: Locator;
  readonly statusFilter: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.searchBox = page.getByRole("searchbox", { name: "Search quote and statement" });
    this.statusFilter = page.getByRole("combobox", { name: "Status" });
    this.table = page.getByRole("main").getByRole("table");
    this.rows = this.table.getByRole("row").filter({ has: page.getByRole("cell") });
  }

  async goto(search = "") {
    await this.page.goto(`/claims${search}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  }

  async search(text: string) {
    await this.searchBox.fill(text);
    await this.searchBox.press("Enter");
    await this.page.waitForURL((url) => url.searchParams.get("q") === text);
  }

  async filterByStatus(label: string) {
    // Applies as it changes: no button to press.
    await this.statusFilter.selectOption({ label });
    await this.page.waitForURL((url) => url.searchParams.has("status"));
  }

  claimLink(statement: string | RegExp) {
    return this.page.getByRole("main").getByRole("link", { name: statement });
  }
}
