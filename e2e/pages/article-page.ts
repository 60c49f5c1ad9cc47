import type { Locator, Page } from "@playwright/test";

export class ArticlePage {
  readonly text: Locator;

  constructor(readonly page: Page) {
    this.text = page.getByRole("region", { name: "Article text" });
  }

  async goto(id: number) {
    await this.page.goto(`/articles/${id}`);
  }

  /**
   * Selects `words` (inside one piece of the text) as a reader would, scrolled to the middle of the
   * screen, and returns the box of its last line (where it ends) in the viewport.
   */
  async selectWords(words: string) {
    return this.page.evaluate((words) => {
      const piece = [...document.querySelectorAll<HTMLElement>("[data-offset]")].find((element) =>
        element.textContent?.includes(words),
      )!;
      piece.scrollIntoView({ block: "center" });
      const text = piece.firstChild!;
      const start = text.textContent!.indexOf(words);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + words.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      const { right, bottom } = [...range.getClientRects()].filter((box) => box.width > 0).at(-1)!;
      return { right, bottom };
    }, words);
  }

  /** Links inside the article text that point at a claim. */
  claimHighlights() {
    return this.text.locator("a[data-claim-id]");
  }
}
