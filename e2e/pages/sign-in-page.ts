import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
    await expect(this.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }

  private async submit(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await Promise.all([
      this.page.waitForResponse(
        (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in",
      ),
      this.page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  }

  async signIn(email: string, password = "demo-password-123") {
    await this.submit(email, password);
  }

  /** A refused attempt: waits until the form shows the answer, so the next attempt never races its reset. */
  async signInRefused(email: string, password: string) {
    await this.submit(email, password);
    await expect(this.page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(this.page.getByLabel("Email")).toHaveValue(email);
    await expect(this.page.getByLabel("Password")).toHaveValue("");
  }
}
