import { describe, expect, it } from "vitest";
import { isPageFurniture, withoutPageFurniture } from "@/domains/articles/furniture";
import { normalisePlainText } from "@/domains/articles/html";
import { readSeedArticleBody } from "@/prisma/seed/article";

describe("withoutPageFurniture", () => {
  it("drops the furniture of a real import (the seed article as copied from its page) and keeps every other line", () => {
    const copied = normalisePlainText(readSeedArticleBody());
    const cleaned = withoutPageFurniture(copied);

    for (const furniture of [
      "<https://internationalviewpoint.org/spip.php?article8542>",
      "Copyright © International Viewpoint - online socialist magazine - All rights reserved",
      "PS:",
      "[Donate](#)",
      "If you like this article",
    ]) {
      expect(cleaned).not.toContain(furniture);
    }
    const dropped = new Set(copied.split("\n").filter((line) => !cleaned.includes(line)));
    expect(dropped.size).toBe(4);
    // What stays is the page's text, in order, with one blank line where each paragraph was dropped.
    expect(cleaned.startsWith("Mali\n\nThe imperative of peace in Mali\n\n- IV Online magazine")).toBe(true);
    expect(cleaned).toContain("Publication date: Friday 31 May 2024\n\nUnsurprisingly,");
    expect(
      cleaned.endsWith("30 May 2024\n\nTranslated by **International Viewpoint** from [l'Anticapitaliste](#)."),
    ).toBe(true);
    expect(cleaned).not.toMatch(/\n{3}/);
  });

  it("drops a line that is only a web address, a copyright notice or a donate link", () => {
    for (const line of [
      "https://example.org/2025/03/drought.html",
      "  <https://example.org/a?b=c>  ",
      "www.example.org/news",
      "© 2025 The Daily Ledger",
      "Copyright © International Viewpoint - online socialist magazine",
      "Copyright (c) 2024 Le Monde",
      "Copyright 2024 Reuters",
      "(c) 2024 Agence France-Presse",
      "The Daily Ledger. All rights reserved.",
      "Le Journal — Tous droits réservés",
      "Donate",
      "**Donate now »**",
      "[Faire un don](https://example.org/don)",
      "Simply follow this link: [Donate](#) then enter an amount of your choice.",
    ]) {
      expect(isPageFurniture(line), line).toBe(true);
    }
  });

  it("keeps real content: a web address mid-sentence, prose about copyright or donors, credits and Markdown", () => {
    const lines = [
      "The report, published at https://www.wfp.org/countries/mali, counts 7.1 million people in need.",
      "Source: https://www.unicef.org/mali",
      "Copyright holders sued the platform in 2023.",
      "(c) Farmers receive 20% of the aid.",
      "Donors pledged $1bn at the conference, the minister said.",
      "Donate to whom? The question split the assembly.",
      "Translated by **International Viewpoint** from [l'Anticapitaliste](#).",
      "Read the [full report](https://example.org/report) for the method.",
      "# Le marché",
      "*Source* : le PAM.",
      "- Millet: 38% higher than a year ago",
      "PS: the figures were revised on Monday.",
      "30 May 2024",
    ];
    for (const line of lines) expect(isPageFurniture(line), line).toBe(false);
    const text = lines.join("\n\n");
    expect(withoutPageFurniture(text)).toBe(text);
  });

  it("keeps the blank lines between kept paragraphs as they were, and leaves no dangling PS:", () => {
    expect(withoutPageFurniture("One.\n\nhttps://example.org\n\nTwo.")).toBe("One.\n\nTwo.");
    expect(withoutPageFurniture("One.\nhttps://example.org\nTwo.")).toBe("One.\nTwo.");
    expect(withoutPageFurniture("https://example.org\n\nOne.\n\n© 2025 Ledger")).toBe("One.");
    expect(withoutPageFurniture("One.\n\n\n\nTwo.")).toBe("One.\n\n\n\nTwo.");
    expect(withoutPageFurniture("One.\n\nPS:\n\nDonate\n\nTwo.")).toBe("One.\n\nTwo.");
    expect(withoutPageFurniture("One.\n\nPS:\n\nTwo.")).toBe("One.\n\nPS:\n\nTwo.");
    expect(withoutPageFurniture("https://example.org")).toBe("");
  });

  /** CPU milliseconds of this process for one cleaning. */
  function millisecondsFor(text: string): number {
    const start = process.cpuUsage();
    withoutPageFurniture(text);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }
  // The fastest of several runs: a busy machine or a garbage collection only ever adds time, so the
  // minimum is the measure least moved by them (a median still caught one pause and read 9.5x once).
  const fastest = (values: number[]) => Math.min(...values);

  it.each([
    ["open brackets", "["],
    ["donate links", "[Donate]("],
    ["long link texts", `[${"a".repeat(39)}`],
    ["a long address", "https://example.org/a"],
    ["blank lines", "\n"],
    ["spaces", " "],
    ["PS labels before furniture", "PS:\n\nhttps://x.org\n"],
    ["PS labels", "PS:\n"],
    ["copyright signs", "(c) © "],
    ["short notices", "All rights reserved\n"],
  ])("stays linear on hostile input: %s (4x the text takes at most 8x the time)", (_, unit) => {
    const small = unit.repeat(Math.ceil(250_000 / unit.length));
    const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
    millisecondsFor(small); // compiled before it is timed
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      smallTimes.push(millisecondsFor(small));
      largeTimes.push(millisecondsFor(large));
    }
    // A floor of 1 ms keeps a too-fast-to-measure small run from making any ratio look large.
    expect(fastest(largeTimes) / Math.max(1, fastest(smallTimes))).toBeLessThan(8);
  });
});
