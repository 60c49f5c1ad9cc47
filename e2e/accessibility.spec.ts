import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolations, seededArticle } from "./support";

test("every page passes an axe scan with no serious or critical violation", async ({ page, request }) => {
  const article = await seededArticle(request);
  const detail = (await (await request.get(`/api/articles/${article.id}`)).json()) as { claims: { id: number }[] };
  const pages = ["/", "/claims", "/claims?q=Mali&status=unreviewed&page=2", `/claims/${detail.claims[0]!.id}`, `/articles/${article.id}`, "/claims/999999"];
  for (const path of pages) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousAccessibilityViolations(page);
    });
  }
});
