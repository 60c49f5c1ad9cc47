import { describe, expect, it } from "vitest";
import { claimListHref } from "@/domains/claims/links";
import { claimListQuerySchema, parseClaimListQueryLeniently } from "@/domains/claims/schema";
import { fieldErrorsOf, parseId, searchParamsToObject } from "@/lib/validation";

describe("claim list query", () => {
  it("fills defaults and treats blank form fields as absent", () => {
    const parsed = claimListQuerySchema.parse(searchParamsToObject(new URLSearchParams("status=&q=%20%20&verdict=")));
    expect(parsed).toEqual({ sort: "position", page: 1, pageSize: 20 });
  });

  it("accepts every documented filter", () => {
    const parsed = claimListQuerySchema.parse(
      searchParamsToObject(
        new URLSearchParams(
          "status=verified&verdict=mostly_false&topic=History&q=7.1&page=2&pageSize=100&sort=recent&article=1",
        ),
      ),
    );
    expect(parsed).toMatchObject({
      status: "verified",
      verdict: "mostly_false",
      topic: "History",
      q: "7.1",
      page: 2,
      pageSize: 100,
      sort: "recent",
      article: 1,
    });
  });

  it("names each bad field", () => {
    const result = claimListQuerySchema.safeParse(
      searchParamsToObject(new URLSearchParams("status=done&pageSize=101&page=0&verdict=true&verdict=false")),
    );
    expect(result.success).toBe(false);
    const fields = fieldErrorsOf(result.error!);
    expect(Object.keys(fields).sort()).toEqual(["page", "pageSize", "status", "verdict"]);
    expect(fields.pageSize![0]).toMatch(/1 to 100/);
  });

  it("lets a page drop bad parameters and keep the good ones", () => {
    const { query, ignored } = parseClaimListQueryLeniently({ status: "nonsense", verdict: "false", page: "x" });
    expect(query).toMatchObject({ verdict: "false", page: 1 });
    expect(query.status).toBeUndefined();
    expect(Object.keys(ignored).sort()).toEqual(["page", "status"]);
  });

  it("round-trips through the list URL", () => {
    const query = claimListQuerySchema.parse({ q: "Kidal", status: "in_progress", page: "3", sort: "verdict" });
    const href = claimListHref(query);
    expect(href).toBe("/claims?q=Kidal&status=in_progress&sort=verdict&page=3");
    expect(claimListQuerySchema.parse(searchParamsToObject(new URL(href, "http://x").searchParams))).toEqual(query);
  });
});

describe("parseId", () => {
  it("accepts positive integers that fit a database int", () => {
    expect(parseId("42")).toBe(42);
    expect(parseId("2147483647")).toBe(2147483647);
  });

  it("rejects anything else", () => {
    for (const raw of ["0", "-1", "01", "1.5", "abc", "2147483648", "99999999999", "", "1e3", " 1"]) {
      expect(parseId(raw)).toBeNull();
    }
  });
});
