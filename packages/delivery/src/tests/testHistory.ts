import type { TestCaseOutcome } from '@opspilot/core';

/** One outcome of one test in one run, oldest first when in a list: what flakiness and prediction read. */
export interface TestOutcomeRow {
  test_id: string;
  outcome: TestCaseOutcome;
  run_at: string;
  duration_ms: number;
  commit_sha?: string;
  file?: string;
  /** The report (run) the outcome belongs to. */
  report_id: string;
}

/** A run of the test suite with the files its change touched, oldest first in a history. */
export interface TestRun {
  report_id: string;
  run_at: string;
  changed_files: string[];
  results: TestOutcomeRow[];
}

/** Groups outcome rows into runs (by report), oldest first, with each report's changed files. */
export function runsOf(rows: readonly TestOutcomeRow[], changedFiles: ReadonlyMap<string, string[]>): TestRun[] {
  const byReport = new Map<string, TestRun>();
  for (const r of rows) {
    const run = byReport.get(r.report_id) ?? {
      report_id: r.report_id,
      run_at: r.run_at,
      changed_files: changedFiles.get(r.report_id) ?? [],
      results: [],
    };
    run.results.push(r);
    byReport.set(r.report_id, run);
  }
  return [...byReport.values()].sort(
    (a, b) => a.run_at.localeCompare(b.run_at) || a.report_id.localeCompare(b.report_id),
  );
}

/** A failed outcome: FAIL or ERROR. */
export const isFailure = (o: TestCaseOutcome) => o === 'FAIL' || o === 'ERROR';
