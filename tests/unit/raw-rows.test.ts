import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { checkedRows } from "@/lib/raw-rows";

const rowSchema = z.strictObject({ id: z.number().int(), title: z.string(), updatedAt: z.date() });

const goodRow = { id: 1, title: "A claim", updatedAt: new Date("2024-05-31T00:00:00Z") };
/** What a migration renaming `title` to `headline` makes the same SELECT return. */
const renamedRow = { id: 2, headline: "A claim", updatedAt: new Date("2024-05-31T00:00:00Z") };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("checkedRows", () => {
  it("returns the rows as the database gave them when they match", () => {
    const rows = [goodRow, { ...goodRow, id: 2 }];
    expect(checkedRows(rowSchema, rows)).toEqual(rows);
  });

  it("refuses a renamed column in any row, naming the row and the columns", () => {
    expect(() => checkedRows(rowSchema, [goodRow, renamedRow])).toThrow(/Row 1 of a raw query[\s\S]*title[\s\S]*/);
    expect(() => checkedRows(rowSchema, [goodRow, renamedRow])).toThrow(/headline/);
  });

  it("refuses a value of another type (a count read as bigint where a number is described)", () => {
    expect(() => checkedRows(rowSchema, [{ ...goodRow, id: 1n }])).toThrow(/Row 0/);
  });

  it("accepts no rows", () => {
    expect(checkedRows(rowSchema, [])).toEqual([]);
  });

  it("checks every row in development", () => {
    vi.stubEnv("NODE_ENV", "development");
    expect(() => checkedRows(rowSchema, [goodRow, renamedRow])).toThrow(/Row 1/);
  });

  it("checks only the first row in production, where a renamed column shows all the same", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => checkedRows(rowSchema, [renamedRow, goodRow])).toThrow(/Row 0/);
    const rows = [goodRow, renamedRow];
    expect(checkedRows(rowSchema, rows)).toEqual(rows);
  });
});
