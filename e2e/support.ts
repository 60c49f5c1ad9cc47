import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export async function expectNoSeriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

export interface SeededArticle {
  id: number;
  title: string;
  claimCount: number;
}

export async function seededArticle(request: APIRequestContext): Promise<SeededArticle> {
  const response = await request.get("/api/articles");
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: SeededArticle[] };
  const article = items.find((item) => item.title === "The imperative of peace in Mali");
  if (!article) throw new Error("The seeded article is missing");
  return article;
}
