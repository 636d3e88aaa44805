import { isFailure, type TestRun } from './testHistory.js';

/** The predictor's inputs, in weight order (the first is the intercept). */
export const PREDICTOR_FEATURES = [
  'bias',
  'recent_failure_rate',
  'change_touches_test',
  'change_touches_failing_test',
  'change_size',
  'failed_last_run',
] as const;
export type PredictorFeature = (typeof PREDICTOR_FEATURES)[number];

/** Each earlier run weighs this much less per run back: a half-life of 5 runs. */
export const RECENCY_DECAY = 0.5 ** (1 / 5);
const PRIOR_WEIGHT = 1;
const PRIOR_RATE = 0.05;
const MAX_ASSOCIATED_FILES = 500;
const NOT_MODULE = new Set(['src', 'lib', 'test', 'tests', '__tests__', 'spec', 'specs', 'app']);

/** What the predictor remembers of one test after each run. */
export interface TestState {
  weight: number;
  weightedFailures: number;
  lastFailed: boolean;
  /** Files changed in runs where the test failed, and the test's own module. */
  associated: Set<string>;
  module?: string;
}

/** The module of a path: its folders up to the first `src`, `test`, `lib`, … (`packages/api/src/x.ts` → `packages/api`). */
export function moduleOf(path: string): string {
  const parts = path.split('/').slice(0, -1);
  const i = parts.findIndex((p) => NOT_MODULE.has(p));
  return (i === -1 ? parts : parts.slice(0, i)).join('/');
}

/**
 * The feature vector of a test for a run that changes `changed`, from what was known before the run. A change that
 * touches the test (its module, or a file changed when it failed before) is split by whether the test failed last
 * time: touching a passing test may break it, touching a failing one is often its fix.
 */
export function featuresOf(state: TestState | undefined, changed: readonly string[]): number[] {
  const rate = ((state?.weightedFailures ?? 0) + PRIOR_WEIGHT * PRIOR_RATE) / ((state?.weight ?? 0) + PRIOR_WEIGHT);
  const overlap =
    state && changed.some((f) => state.associated.has(f) || (state.module && moduleOf(f) === state.module)) ? 1 : 0;
  const failedLast = state?.lastFailed ? 1 : 0;
  return [1, rate, overlap * (1 - failedLast), overlap * failedLast, Math.log2(1 + changed.length) / 5, failedLast];
}

/** Folds one run's outcomes into the per-test states (skips change nothing). */
export function updateStates(states: Map<string, TestState>, run: TestRun): void {
  for (const r of run.results) {
    if (r.outcome === 'SKIP') continue;
    const failed = isFailure(r.outcome);
    const s = states.get(r.test_id) ?? {
      weight: 0,
      weightedFailures: 0,
      lastFailed: false,
      associated: new Set<string>(),
      ...(r.file ? { module: moduleOf(r.file) } : {}),
    };
    s.weight = s.weight * RECENCY_DECAY + 1;
    s.weightedFailures = s.weightedFailures * RECENCY_DECAY + (failed ? 1 : 0);
    s.lastFailed = failed;
    if (failed) {
      for (const f of run.changed_files) if (s.associated.size < MAX_ASSOCIATED_FILES) s.associated.add(f);
    }
    states.set(r.test_id, s);
  }
}

/** One training example: a test in a run, its features from earlier runs only, and whether it failed. */
export interface Example {
  run: number;
  test_id: string;
  x: number[];
  failed: boolean;
}

/** Walks the runs oldest first, making one example per test outcome from the history before it. */
export function examplesOf(runs: readonly TestRun[]): { examples: Example[]; states: Map<string, TestState> } {
  const states = new Map<string, TestState>();
  const examples: Example[] = [];
  runs.forEach((run, i) => {
    for (const r of run.results) {
      if (r.outcome === 'SKIP') continue;
      examples.push({
        run: i,
        test_id: r.test_id,
        x: featuresOf(states.get(r.test_id), run.changed_files),
        failed: isFailure(r.outcome),
      });
    }
    updateStates(states, run);
  });
  return { examples, states };
}
