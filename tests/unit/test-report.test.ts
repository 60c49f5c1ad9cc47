import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeCounts, playwrightCounts, vitestCounts } from "@/scripts/lib/test-report";

// A real Playwright 1.64 report: a project with one failing test and one that skips itself, and a
// project depending on it whose test therefore never ran.
const DEPENDENCY_FAILED = path.join(import.meta.dirname, "../fixtures/playwright-report-dependency-failed.json");

describe("npm test's closing line", () => {
  it("tells tests that never ran from tests skipped on purpose", () => {
    const counts = playwrightCounts(DEPENDENCY_FAILED);
    expect(counts).toEqual({ passed: 0, failed: 1, skipped: 1, didNotRun: 1 });
    expect(describeCounts(counts)).toBe("0 passed, 1 failed, 1 skipped, 1 did not run");
  });

  it("reads `N passed, N failed` alone when everything ran", () => {
    const report = path.join(mkdtempSync(path.join(tmpdir(), "test-report-")), "unit.json");
    writeFileSync(
      report,
      JSON.stringify({ numPassedTests: 12, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0 }),
    );
    expect(describeCounts(vitestCounts(report))).toBe("12 passed, 0 failed");
  });

  it("counts nothing for a report that was never written", () => {
    expect(playwrightCounts("/nonexistent/report.json")).toEqual({ passed: 0, failed: 0, skipped: 0, didNotRun: 0 });
  });
});
