/**
 * Accuracy and cost of the test-failure predictor of `@opspilot/delivery` on synthetic histories (see
 * `syntheticTestHistory`): for several seeds, trains on the first 70 % of the runs in time order and evaluates on the
 * rest, printing accuracy against always predicting "pass", precision, recall, run-level accuracy and Brier score,
 * then the wall and CPU time of one prediction over the whole history.
 *
 *   npx tsx bench/testPredictor.ts [runs=200] [testsPerModule=10]
 */
import { evaluatePredictor, predictFailures, syntheticTestHistory } from '@opspilot/delivery';

const runs = Number(process.argv[2] ?? 200);
const perModule = Number(process.argv[3] ?? 10);
const pct = (n: number | null) => (n === null ? 'n/a' : `${(n * 100).toFixed(1)}%`);

const totals = { accuracy: 0, baseline: 0, precision: 0, recall: 0, n: 0 };
for (const seed of [1, 2, 3, 42, 1234]) {
  const history = syntheticTestHistory({ seed, runs, testsPerModule: perModule });
  const e = evaluatePredictor(history);
  console.log(
    `seed ${String(seed).padStart(4)}: accuracy ${pct(e.accuracy)} (always-pass ${pct(e.baseline_accuracy)}), precision ${pct(e.precision)}, recall ${pct(e.recall)}, run accuracy ${pct(e.run_accuracy)}, brier ${e.brier} — ${e.examples} outcomes in ${e.test_runs} runs`,
  );
  totals.accuracy += e.accuracy ?? 0;
  totals.baseline += e.baseline_accuracy ?? 0;
  totals.precision += e.precision ?? 0;
  totals.recall += e.recall ?? 0;
  totals.n++;
}
const mean = (v: number) => pct(v / totals.n);
console.log(
  `mean: accuracy ${mean(totals.accuracy)} vs always-pass ${mean(totals.baseline)}, precision ${mean(totals.precision)}, recall ${mean(totals.recall)}`,
);

const history = syntheticTestHistory({ seed: 42, runs, testsPerModule: perModule });
const wall = performance.now();
const cpu = process.cpuUsage();
const p = predictFailures(history, ['api/src/file1.ts']);
const used = process.cpuUsage(cpu);
console.log(
  `predict over ${p.training.examples} outcomes (${p.training.runs} runs): wall ${(performance.now() - wall).toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms; risk ${pct(p.risk)}`,
);
