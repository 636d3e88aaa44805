import { isFailure, type TestOutcomeRow } from './testHistory.js';

/** A test's record over the window, and whether (and why) it is flaky. */
export interface TestFlakiness {
  test_id: string;
  runs: number;
  failures: number;
  failure_rate: number;
  /** Outcome changes between consecutive runs (skips left out) over the number of consecutive pairs. */
  flip_rate: number;
  /** Commits on which the test both passed and failed. */
  flaky_commits: string[];
  flaky: boolean;
  reason?: 'same-commit' | 'flip-rate';
  avg_duration_ms: number;
  last_outcome: TestOutcomeRow['outcome'];
}

/** Options of {@link flakyTests}. */
export interface FlakinessOptions {
  /** The flip rate at or above which a test that both passed and failed is flaky (default 0.3). */
  flipThreshold?: number;
  /** Fewest non-skipped runs for the flip-rate rule (default 5). */
  minRuns?: number;
}

/**
 * Flakiness of every test in `rows` (one pipeline's outcomes in the window the caller chose). A test is flaky when
 * it **passed and failed on the same commit** (a re-run changed its verdict without a code change), or when, over at
 * least `minRuns` runs, its **flip rate** — changes of verdict between consecutive runs — reaches `flipThreshold`
 * while it both passed and failed: a test broken by a commit and fixed later flips twice, a flaky one flips often.
 * Sorted: flaky first, then by flip rate and failure rate.
 */
export function flakyTests(rows: readonly TestOutcomeRow[], options: FlakinessOptions = {}): TestFlakiness[] {
  const threshold = options.flipThreshold ?? 0.3;
  const minRuns = options.minRuns ?? 5;
  const byTest = new Map<string, TestOutcomeRow[]>();
  for (const r of rows) byTest.set(r.test_id, [...(byTest.get(r.test_id) ?? []), r]);
  const out: TestFlakiness[] = [];
  for (const [test_id, all] of byTest) {
    const history = [...all].sort((a, b) => a.run_at.localeCompare(b.run_at));
    const ran = history.filter((r) => r.outcome !== 'SKIP');
    const failures = ran.filter((r) => isFailure(r.outcome)).length;
    let flips = 0;
    for (let i = 1; i < ran.length; i++) if (isFailure(ran[i]!.outcome) !== isFailure(ran[i - 1]!.outcome)) flips++;
    const perCommit = new Map<string, Set<boolean>>();
    for (const r of ran) {
      if (!r.commit_sha) continue;
      perCommit.set(r.commit_sha, (perCommit.get(r.commit_sha) ?? new Set()).add(isFailure(r.outcome)));
    }
    const flakyCommits = [...perCommit].filter(([, s]) => s.size === 2).map(([c]) => c);
    const flipRate = ran.length > 1 ? flips / (ran.length - 1) : 0;
    const mixed = failures > 0 && failures < ran.length;
    const reason =
      flakyCommits.length > 0
        ? ('same-commit' as const)
        : ran.length >= minRuns && mixed && flipRate >= threshold
          ? ('flip-rate' as const)
          : undefined;
    out.push({
      test_id,
      runs: ran.length,
      failures,
      failure_rate: ran.length ? Number((failures / ran.length).toFixed(3)) : 0,
      flip_rate: Number(flipRate.toFixed(3)),
      flaky_commits: flakyCommits,
      flaky: reason !== undefined,
      ...(reason ? { reason } : {}),
      avg_duration_ms: history.length ? Math.round(history.reduce((s, r) => s + r.duration_ms, 0) / history.length) : 0,
      last_outcome: history.at(-1)!.outcome,
    });
  }
  return out.sort(
    (a, b) =>
      Number(b.flaky) - Number(a.flaky) ||
      b.flip_rate - a.flip_rate ||
      b.failure_rate - a.failure_rate ||
      a.test_id.localeCompare(b.test_id),
  );
}

/** The `limit` slowest tests by average duration over the rows. */
export function slowestTests(
  rows: readonly TestOutcomeRow[],
  limit = 10,
): { test_id: string; avg_duration_ms: number; runs: number }[] {
  const sums = new Map<string, { total: number; runs: number }>();
  for (const r of rows) {
    if (r.outcome === 'SKIP') continue;
    const s = sums.get(r.test_id) ?? { total: 0, runs: 0 };
    sums.set(r.test_id, { total: s.total + r.duration_ms, runs: s.runs + 1 });
  }
  return [...sums]
    .map(([test_id, s]) => ({ test_id, avg_duration_ms: Math.round(s.total / s.runs), runs: s.runs }))
    .sort((a, b) => b.avg_duration_ms - a.avg_duration_ms || a.test_id.localeCompare(b.test_id))
    .slice(0, limit);
}
