import { describe, expect, it } from "vitest";
import { hrefWithFilter, parseClaimsView, withView } from "@/app/(desk)/claims/(list)/list-url";

describe("the claims page's URL", () => {
  it("holds only the filters that are set, and a change goes back to the first page", () => {
    expect(hrefWithFilter("", "q", "Kidal")).toBe("/claims?q=Kidal");
    expect(hrefWithFilter("q=Kidal&status=verified&page=3", "status", "")).toBe("/claims?q=Kidal");
    expect(hrefWithFilter("q=Kidal", "q", "   ")).toBe("/claims");
    expect(hrefWithFilter("status=verified&view=cards&page=2", "verdict", "false")).toBe(
      "/claims?status=verified&view=cards&verdict=false",
    );
  });

  it("trims the search text and encodes it", () => {
    expect(hrefWithFilter("", "q", " 7,1 million & more ")).toBe("/claims?q=7%2C1+million+%26+more");
  });

  it("writes the view only when it is not the default table", () => {
    expect(withView("/claims", "table")).toBe("/claims");
    expect(withView("/claims", "cards")).toBe("/claims?view=cards");
    expect(withView("/claims?q=Kidal", "cards")).toBe("/claims?q=Kidal&view=cards");
    expect(parseClaimsView("cards")).toBe("cards");
    for (const raw of [undefined, "table", "grid", ["cards", "cards"]]) expect(parseClaimsView(raw)).toBe("table");
  });
});
