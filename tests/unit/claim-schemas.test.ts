import { describe, expect, it } from "vitest";
import { claimPatchSchema, newClaimSchema } from "@/domains/claims/schema";

describe("blank form fields", () => {
  it("mean no change in a claim patch", () => {
    expect(
      claimPatchSchema.parse({ version: "3", verdict: "", status: " ", rationale: "Unchanged verdict, new words." }),
    ).toEqual({
      version: 3,
      verdict: undefined,
      status: undefined,
      rationale: "Unchanged verdict, new words.",
    });
  });

  it("mean no attribution on a new claim", () => {
    const parsed = newClaimSchema.parse({
      startOffset: "1",
      endOffset: "20",
      statement: "A statement long enough.",
      topic: "Economy",
      attributedTo: "",
    });
    expect(parsed.attributedTo).toBeUndefined();
  });

  it("still refuse a value that is not blank and not allowed", () => {
    expect(claimPatchSchema.safeParse({ version: 3, verdict: "maybe" }).success).toBe(false);
    expect(
      newClaimSchema.safeParse({
        startOffset: 5,
        endOffset: 4,
        statement: "A statement long enough.",
        topic: "Economy",
      }).success,
    ).toBe(false);
  });
});
