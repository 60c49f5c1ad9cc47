import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export async function expectNoSeriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
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

export const DEMO_ACCOUNTS = {
  reviewer1: "reviewer1@example.org",
  reviewer2: "reviewer2@example.org",
  editor: "editor@example.org",
  admin: "admin@example.org",
} as const;

export function storageStateOf(role: keyof typeof DEMO_ACCOUNTS): string {
  return path.resolve(import.meta.dirname, "..", process.env.E2E_RESULTS_DIR ?? "test-results", "auth", `${role}.json`);
}

export interface ClaimSummary {
  id: number;
  quote: string;
  statement: string;
  status: string;
  version?: number;
}

/** The first claim whose quote contains the text, through the list API. */
export async function findClaim(request: APIRequestContext, quoteContains: string): Promise<ClaimSummary> {
  const response = await request.get(`/api/claims?q=${encodeURIComponent(quoteContains)}&pageSize=100`);
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: ClaimSummary[] };
  const claim = items.find((item) => item.quote.includes(quoteContains));
  if (!claim) throw new Error(`No claim quotes "${quoteContains}"`);
  return claim;
}

/** How light a colour property of an element is, 0 (black) to 1 (white), whatever its CSS notation (oklch, lab). */
export function lightnessOf(element: Locator, property: "backgroundColor" | "color"): Promise<number> {
  return element.evaluate((node, name) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(node)[name];
    context.fillRect(0, 0, 1, 1);
    const [red, green, blue] = context.getImageData(0, 0, 1, 1).data;
    return (0.2126 * red! + 0.7152 * green! + 0.0722 * blue!) / 255;
  }, property);
}

/** The second production instance scripts/e2e-server.ts starts on the same database (PORT + 1). */
export function secondInstanceURL(): string {
  const port = Number(process.env.E2E_SECOND_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 1);
  return `http://127.0.0.1:${port}`;
}
