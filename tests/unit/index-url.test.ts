import { describe, expect, it } from "vitest";
import { cachedIndexPath } from "@/domains/publishing/index-url";

const pathOf = (search: string) => cachedIndexPath(new URLSearchParams(search));

describe("which views of the public index are served from the cache", () => {
  it("sends every view without a search to its cached page", () => {
    expect(pathOf("")).toBe("/fact-checks/browse/all/1");
    expect(pathOf("verdict=false")).toBe("/fact-checks/browse/false/1");
    expect(pathOf("verdict=&page=3")).toBe("/fact-checks/browse/all/3");
    expect(pathOf("q=++&verdict=mostly_true&page=2")).toBe("/fact-checks/browse/mostly_true/2");
  });

  it("leaves searches and anything it does not know to the page rendered per request", () => {
    for (const search of [
      "q=Mali",
      "verdict=unrated",
      "verdict=nope",
      "page=0",
      "page=01",
      "page=10001",
      "page=2.5",
      "utm_source=x",
    ]) {
      expect({ search, path: pathOf(search) }).toEqual({ search, path: null });
    }
  });
});
