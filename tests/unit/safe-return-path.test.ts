import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/domains/users/auth-schema";

const SITE = "https://desk.example";

/** Where a browser goes when a page of the site answers `Location: <value>`. */
function browserGoesTo(location: string): string {
  return new URL(location, `${SITE}/sign-in`).origin;
}

describe("safeReturnPath: where sign-in may send the user back to", () => {
  // Each of these, used as a Location as it is, takes the browser to another site.
  const toAnotherSite = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\t\\evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "\\\\evil.example",
    " //evil.example",
    "\u0000//evil.example",
    "https://evil.example",
    "HTTPS://evil.example/claims",
    "//evil.example/claims?status=verified#top",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  ];
  for (const next of toAnotherSite) {
    it(`sends ${JSON.stringify(next)} to the overview instead`, () => {
      expect(browserGoesTo(next)).not.toBe(SITE);
      expect(safeReturnPath(next)).toBe("/");
    });
  }

  // These stay on the site, but resolving their dot segments leaves a path starting with "//",
  // which a browser would read as another host.
  for (const next of ["/.//evil.example", "/..//evil.example", "/%2e%2e//evil.example", "/%2E//evil.example"]) {
    it(`sends ${JSON.stringify(next)} to the overview instead`, () => {
      expect(new URL(next, SITE).pathname.startsWith("//")).toBe(true);
      expect(safeReturnPath(next)).toBe("/");
    });
  }

  it("keeps the path, query and fragment of a place on the site", () => {
    expect(safeReturnPath("/claims?status=verified#top")).toBe("/claims?status=verified#top");
    expect(safeReturnPath("/claims/12")).toBe("/claims/12");
    expect(safeReturnPath("/")).toBe("/");
  });

  it("keeps encoded separators encoded: they stay in the site's path", () => {
    for (const next of ["/%2F/evil.example", "/%5Cevil.example", "/%2F%2Fevil.example"]) {
      expect(safeReturnPath(next)).toBe(next);
      expect(browserGoesTo(next)).toBe(SITE);
    }
  });

  it("answers in ASCII, without the characters a browser would drop", () => {
    expect(safeReturnPath("/claims?q=café\u202e")).toBe("/claims?q=caf%C3%A9%E2%80%AE");
    expect(safeReturnPath("/cla\tims")).toBe("/claims");
  });

  it("goes to the overview without a value, and reads a relative one from the site's root", () => {
    const cases: [string | undefined, string][] = [
      [undefined, "/"],
      ["", "/"],
      ["http://[::1", "/"],
      ["claims", "/claims"],
      ["https:evil.example", "/evil.example"],
      ["#top", "/#top"],
    ];
    for (const [next, expected] of cases) expect(safeReturnPath(next), String(next)).toBe(expected);
  });
});
