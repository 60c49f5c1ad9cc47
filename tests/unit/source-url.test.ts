import { describe, expect, it } from "vitest";
import {
  addSourceFormSchema,
  newSourceSchema,
  optionalWebUrlSchema,
  sourcePatchSchema,
  webUrlSchema,
} from "@/domains/sources/schema";

function urlError(input: unknown): string | undefined {
  const parsed = webUrlSchema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues.map((issue) => issue.message).join(" ");
}

describe("webUrlSchema", () => {
  it.each([
    ["https://example.org/", "https://example.org/"],
    ["HTTPS://Example.ORG:443/Path?q=1#Part", "https://example.org/Path?q=1#Part"],
    ["http://example.org:8080", "http://example.org:8080/"],
    ["  \n\thttps://example.org/a\n ", "https://example.org/a"],
    ["https://sub.example.co.uk/a/../b", "https://sub.example.co.uk/b"],
    ["https://example.org/caf\u00e9", "https://example.org/caf%C3%A9"],
    ["http://192.0.2.10/report.pdf", "http://192.0.2.10/report.pdf"],
    ["http://[2001:db8::1]/", "http://[2001:db8::1]/"],
    ["https://example.org./", "https://example.org./"],
  ])("accepts %j as %j", (input, stored) => {
    expect(webUrlSchema.parse(input)).toBe(stored);
  });

  it("stores a unicode host as punycode, so a look-alike shows for what it is", () => {
    const lookAlike = "https://\u0435xample.org/"; // Cyrillic е
    expect(webUrlSchema.parse(lookAlike)).toBe(new URL(lookAlike).href);
    expect(webUrlSchema.parse(lookAlike)).toBe("https://xn--xample-2of.org/");
  });

  it.each([
    ["javascript:alert(1)", /only http/i],
    ["JAVASCRIPT:alert(1)", /only http/i],
    [" javascript:alert(1)", /only http/i],
    ["data:text/html,<script>alert(1)</script>", /only http/i],
    ["vbscript:msgbox(1)", /only http/i],
    ["file:///etc/passwd", /only http/i],
    ["ftp://example.org/file", /only http/i],
    ["mailto:someone@example.org", /only http/i],
    ["/relative/path", /full address/i],
    ["//evil.example/x", /full address/i],
    ["example.org", /full address/i],
    ["http://localhost/x", /public address/i],
    ["http://LOCALHOST:3000/", /public address/i],
    ["http://app.localhost/", /public address/i],
    ["http://intranet/", /public address/i],
    ["https://user:pw@example.org/", /user name and password/i],
    ["https://user@example.org/", /user name and password/i],
    ["https://exa mple.org/", /spaces/i],
    ["https://example.org/a\nb", /line breaks/i],
    ["https://example.org/\u0000", /control characters/i],
    ["", /give the url/i],
    ["   ", /give the url/i],
    [`https://example.org/${"a".repeat(10_000)}`, /at most 2048/i],
  ])("refuses %j", (input, message) => {
    expect(urlError(input)).toMatch(message);
  });

  it("refuses a url that only grows past the limit once normalised", () => {
    const spaces = `https://example.org/${"\u00e9".repeat(700)}`; // each é becomes %C3%A9
    expect(spaces.length).toBeLessThan(2_048);
    expect(urlError(spaces)).toMatch(/at most 2048/i);
  });

  it("refuses what is not text", () => {
    for (const input of [42, null, undefined, ["https://example.org/"], { href: "https://example.org/" }]) {
      expect(urlError(input)).toMatch(/as text/i);
    }
  });
});

describe("optionalWebUrlSchema", () => {
  it("reads blank and null as none, and otherwise applies the same rules", () => {
    expect(optionalWebUrlSchema.parse("")).toBeNull();
    expect(optionalWebUrlSchema.parse("  ")).toBeNull();
    expect(optionalWebUrlSchema.parse(null)).toBeNull();
    expect(optionalWebUrlSchema.parse("https://web.archive.org/web/2024/https://example.org/")).toBe(
      "https://web.archive.org/web/2024/https://example.org/",
    );
    expect(optionalWebUrlSchema.safeParse("javascript:alert(1)").success).toBe(false);
  });
});

describe("source schemas", () => {
  const valid = { url: "https://example.org/", title: "  A report ", stance: "supports" };

  it("trims text, makes blanks null and leaves the version optional when adding", () => {
    expect(newSourceSchema.parse({ ...valid, publisher: " ", excerpt: "<b>kept</b>", archiveUrl: "" })).toEqual({
      url: "https://example.org/",
      title: "A report",
      stance: "supports",
      publisher: null,
      excerpt: "<b>kept</b>",
      archiveUrl: null,
    });
  });

  it("names unknown fields and the fields at fault", () => {
    const parsed = newSourceSchema.safeParse({ ...valid, title: "", stance: "neutral", colour: "red" });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "title: Give the source's title.",
        "stance: Choose the stance: supports, refutes, context.",
        ": Unknown field(s): colour.",
      ]),
    );
  });

  it("refuses a body that is not an object", () => {
    for (const body of [null, [], "https://example.org/", 3]) {
      expect(newSourceSchema.safeParse(body).error?.issues[0]?.message).toBe("Send a JSON object.");
    }
  });

  it("requires the version to change a source, and only the fields sent", () => {
    expect(sourcePatchSchema.safeParse({ title: "New" }).error?.issues[0]?.path).toEqual(["version"]);
    expect(sourcePatchSchema.parse({ version: 3, publisher: null })).toEqual({ version: 3, publisher: null });
    expect(sourcePatchSchema.parse({ version: "3", title: "x" })).toEqual({ version: 3, title: "x" });
    for (const version of [[3], true, null, {}, "3.5", "latest"]) {
      expect(sourcePatchSchema.safeParse({ version, title: "x" }).error?.issues[0]?.path).toEqual(["version"]);
    }
  });

  it("reads the claim id of a form and refuses a tampered one", () => {
    expect(addSourceFormSchema.parse({ ...valid, claimId: "12", version: "4" })).toMatchObject({
      claimId: 12,
      version: 4,
    });
    expect(addSourceFormSchema.safeParse({ ...valid, claimId: "12abc", version: "4" }).success).toBe(false);
  });
});
