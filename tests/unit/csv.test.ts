import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";
import { parseCsv } from "@/tests/support/csv";

describe("csvCell", () => {
  it("quotes only what needs quoting, doubling quotes", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const formula of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) {
      expect(parseCsv(`${csvCell(formula)}\r\n`)[0]![0]).toBe(`'${formula}`);
    }
    expect(csvCell(-5)).toBe("-5");
  });
});

describe("toCsv", () => {
  it("round-trips awkward text through an RFC 4180 reader", () => {
    const awkward = ['He said "no", then left\nfor good', "=1+2", "émigré, naïve", ""];
    const text = toCsv(["a", "b", "c", "d"], [awkward]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c", "d"],
      ['He said "no", then left\nfor good', "'=1+2", "émigré, naïve", ""],
    ]);
  });
});
