import { existsSync, readFileSync } from "node:fs";

// The counts behind `npm test`'s closing line, read from the runners' JSON reports.

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests that never started: a project they depend on failed, or the run stopped first. */
  didNotRun: number;
}

export function vitestCounts(unitReport: string): Counts {
  if (!existsSync(unitReport)) return { passed: 0, failed: 0, skipped: 0, didNotRun: 0 };
  const report = JSON.parse(readFileSync(unitReport, "utf8"));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    didNotRun: 0,
  };
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: { tests: { status: "expected" | "unexpected" | "flaky" | "skipped"; results: { status: string }[] }[] }[];
}

/**
 * Playwright's own stats count a test that never started (its project's dependency failed) as
 * "skipped", like one a test skips on purpose; only the results tell them apart: a test that ran and
 * skipped itself has a result, one that never started has none.
 */
export function playwrightCounts(e2eReport: string): Counts {
  const counts = { passed: 0, failed: 0, skipped: 0, didNotRun: 0 };
  if (!existsSync(e2eReport)) return counts;
  const walk = (suite: PlaywrightSuite) => {
    for (const test of (suite.specs ?? []).flatMap((spec) => spec.tests)) {
      if (test.status === "expected" || test.status === "flaky") counts.passed++;
      else if (test.status === "unexpected") counts.failed++;
      else if (test.results.length === 0) counts.didNotRun++;
      else counts.skipped++;
    }
    suite.suites?.forEach(walk);
  };
  (JSON.parse(readFileSync(e2eReport, "utf8")) as PlaywrightSuite).suites?.forEach(walk);
  return counts;
}

/** The closing line: `N passed, N failed`, then what was skipped and what never ran, when any. */
export function describeCounts(counts: Counts): string {
  const skipped = counts.skipped ? `, ${counts.skipped} skipped` : "";
  const didNotRun = counts.didNotRun ? `, ${counts.didNotRun} did not run` : "";
  return `${counts.passed} passed, ${counts.failed} failed${skipped}${didNotRun}`;
}
