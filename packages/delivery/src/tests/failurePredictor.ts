import { type Example, examplesOf, featuresOf, PREDICTOR_FEATURES } from './predictorFeatures.js';
import type { TestRun } from './testHistory.js';

/** Fewest runs and failures the predictor is trained on; below them it says "not enough data". */
export const MIN_TRAINING_RUNS = 20;
export const MIN_TRAINING_FAILURES = 5;
const ITERATIONS = 1500;
const LEARNING_RATE = 1;
const L2 = 1e-3;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const dot = (w: readonly number[], x: readonly number[]) => w.reduce((s, wi, i) => s + wi * (x[i] ?? 0), 0);

/** Fits logistic regression by full-batch gradient descent from zero weights: deterministic for the same examples. */
export function fitLogistic(examples: readonly Example[]): number[] {
  const k = PREDICTOR_FEATURES.length;
  const n = examples.length;
  const w = new Float64Array(k);
  if (n === 0) return [...w];
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  examples.forEach((e, i) => {
    for (let j = 0; j < k; j++) x[i * k + j] = e.x[j] ?? 0;
    y[i] = e.failed ? 1 : 0;
  });
  const grad = new Float64Array(k);
  for (let it = 0; it < ITERATIONS; it++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let z = 0;
      for (let j = 0; j < k; j++) z += w[j]! * x[row + j]!;
      const d = 1 / (1 + Math.exp(-z)) - y[i]!;
      for (let j = 0; j < k; j++) grad[j]! += d * x[row + j]!;
    }
    for (let j = 0; j < k; j++) w[j]! -= LEARNING_RATE * (grad[j]! / n + (j === 0 ? 0 : L2 * w[j]!));
  }
  return [...w];
}

/** A test's predicted failure for a run, with each feature's share of the log-odds (the explanation). */
export interface TestPrediction {
  test_id: string;
  probability: number;
  will_fail: boolean;
  contributions: Record<string, number>;
}

/** The prediction for a run (or a deployment) that changes some files. */
export interface RunPrediction {
  status: 'ok' | 'not enough data';
  /** Why there is no model, when there is none. */
  reason?: string;
  training: { runs: number; examples: number; failures: number };
  weights: Record<string, number>;
  /** 1 − Π(1 − p): the probability that at least one test fails. */
  risk: number | null;
  tests: TestPrediction[];
}

const round = (n: number) => Number(n.toFixed(4));

function enoughData(runs: number, failures: number): string | undefined {
  if (runs < MIN_TRAINING_RUNS) return `${runs} runs of history; the predictor needs ${MIN_TRAINING_RUNS}`;
  if (failures < MIN_TRAINING_FAILURES)
    return `${failures} failures in the history; the predictor needs ${MIN_TRAINING_FAILURES}`;
  return undefined;
}

/**
 * Predicts which tests fail in a run that changes `changedFiles`, from the pipeline's history (oldest run first).
 * The model is logistic regression over features of each test computed from earlier runs only: the
 * recency-weighted failure rate (half-life 5 runs, prior 5 %), whether a changed file touches the test (its module,
 * or a file changed in a run where it failed) — split by whether it passed or failed last time — the size of the
 * change (log2 of files changed + 1, / 5) and whether it failed last time. Fitted on the whole history; a test is predicted to fail at p ≥ 0.5.
 */
export function predictFailures(history: readonly TestRun[], changedFiles: readonly string[]): RunPrediction {
  const { examples, states } = examplesOf(history);
  const failures = examples.filter((e) => e.failed).length;
  const training = { runs: history.length, examples: examples.length, failures };
  const reason = enoughData(history.length, failures);
  if (reason) return { status: 'not enough data', reason, training, weights: {}, risk: null, tests: [] };
  const w = fitLogistic(examples);
  const tests = [...states.keys()]
    .sort()
    .map((test_id) => {
      const x = featuresOf(states.get(test_id), changedFiles);
      const p = sigmoid(dot(w, x));
      return {
        test_id,
        probability: round(p),
        will_fail: p >= 0.5,
        contributions: Object.fromEntries(PREDICTOR_FEATURES.map((f, i) => [f, round(w[i]! * x[i]!)])),
      };
    })
    .sort((a, b) => b.probability - a.probability || a.test_id.localeCompare(b.test_id));
  const risk = 1 - tests.reduce((q, t) => q * (1 - t.probability), 1);
  return {
    status: 'ok',
    training,
    weights: Object.fromEntries(PREDICTOR_FEATURES.map((f, i) => [f, round(w[i]!)])),
    risk: round(risk),
    tests,
  };
}

/** How the predictor did on the last part of a history after training on the first part. */
export interface PredictorEvaluation {
  status: 'ok' | 'not enough data';
  reason?: string;
  train_runs: number;
  test_runs: number;
  examples: number;
  /** Share of test outcomes predicted right (p ≥ 0.5 = fail). */
  accuracy: number | null;
  /** The same for always predicting "pass": the figure to beat. */
  baseline_accuracy: number | null;
  precision: number | null;
  recall: number | null;
  /** Runs whose "some test fails" (risk ≥ 0.5) was predicted right. */
  run_accuracy: number | null;
  brier: number | null;
}

/**
 * Measures the predictor honestly: runs in time order, trained on the first `trainShare` of them, evaluated on the
 * rest (features of an evaluated run still come only from the runs before it).
 */
export function evaluatePredictor(history: readonly TestRun[], trainShare = 0.7): PredictorEvaluation {
  const cut = Math.floor(history.length * trainShare);
  const { examples } = examplesOf(history);
  const train = examples.filter((e) => e.run < cut);
  const test = examples.filter((e) => e.run >= cut);
  const base = { train_runs: cut, test_runs: history.length - cut, examples: test.length };
  const reason =
    enoughData(cut, train.filter((e) => e.failed).length) ??
    (history.length - cut < 5 ? `${history.length - cut} runs to evaluate on; at least 5 are needed` : undefined);
  const none = {
    accuracy: null,
    baseline_accuracy: null,
    precision: null,
    recall: null,
    run_accuracy: null,
    brier: null,
  };
  if (reason) return { status: 'not enough data', reason, ...base, ...none };
  const w = fitLogistic(train);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  let brier = 0;
  const runRisk = new Map<number, { q: number; failed: boolean }>();
  for (const e of test) {
    const p = sigmoid(dot(w, e.x));
    const predicted = p >= 0.5;
    if (predicted === e.failed) right++;
    if (predicted && e.failed) tp++;
    if (predicted && !e.failed) fp++;
    if (!predicted && e.failed) fn++;
    brier += (p - (e.failed ? 1 : 0)) ** 2;
    const r = runRisk.get(e.run) ?? { q: 1, failed: false };
    runRisk.set(e.run, { q: r.q * (1 - p), failed: r.failed || e.failed });
  }
  const runsRight = [...runRisk.values()].filter((r) => 1 - r.q >= 0.5 === r.failed).length;
  const n = test.length || 1;
  return {
    status: 'ok',
    ...base,
    accuracy: round(right / n),
    baseline_accuracy: round(test.filter((e) => !e.failed).length / n),
    precision: tp + fp ? round(tp / (tp + fp)) : null,
    recall: tp + fn ? round(tp / (tp + fn)) : null,
    run_accuracy: runRisk.size ? round(runsRight / runRisk.size) : null,
    brier: round(brier / n),
  };
}
