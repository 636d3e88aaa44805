/**
 * Benchmark of the anomaly detector: scores 10,000 series × 1,440 points (a day at one minute) through the streaming
 * `SeriesDetector` (Holt-Winters residual, CUSUM, robust baseline, daily seasonal profile, hysteresis), one detector
 * per series, on one core. Goal: ≤ 2 s. The series are seeded: noise, a daily cycle, and a spike, a drop, a level
 * shift or a drift in some of them. Prints CPU and wall time, points per second, heap, the load average, and the
 * NAB scores (standard, reward_low_FP_rate, reward_low_FN_rate) of the detector on the generated labelled corpus.
 *
 *   npx tsx bench/anomalyScoring.ts [series=10000] [points=1440]
 */
import { loadavg } from 'node:os';
import { detectorOptions, SeriesDetector, scoreSeries } from '@opspilot/anomaly';
import {
  labelledCorpus,
  labelledSeries,
  NAB_PROFILES,
  type NabProfileName,
  nabScore,
  nabWindows,
  type SeriesKind,
} from '@opspilot/anomaly/testing';

const seriesCount = Number(process.argv[2] ?? 10_000);
const points = Number(process.argv[3] ?? 1440);
const STEP = 60;

const kinds: SeriesKind[] = ['noise', 'noise', 'spike', 'drop', 'level_shift', 'drift'];
const started = performance.now();
const data: Float32Array[] = [];
for (let i = 0; i < seriesCount; i++) {
  const s = labelledSeries({
    seed: i + 1,
    kind: kinds[i % kinds.length]!,
    seasonal: i % 2 === 0,
    length: points,
    stepSeconds: STEP,
  });
  data.push(Float32Array.from(s.values));
}
console.log(
  `generated ${seriesCount} series × ${points} points in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const options = detectorOptions({ stepSeconds: STEP });
const t0 = 1_796_000_000;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
let episodes = 0;
for (const values of data) {
  const detector = new SeriesDetector(options);
  for (let i = 0; i < values.length; i++) {
    detector.update(t0 + i * STEP, values[i]!);
    if (detector.opened) episodes++;
  }
}
const wall = (performance.now() - wall0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const total = seriesCount * points;
console.log(
  `scored ${total.toLocaleString('en')} points: cpu ${cpuSeconds.toFixed(2)} s, wall ${wall.toFixed(2)} s ` +
    `(${(total / cpuSeconds / 1e6).toFixed(1)} M points/s of CPU), ${episodes} episodes; goal ≤ 2 s`,
);
console.log(
  `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

const corpus = labelledCorpus(10, 1).map((s) => ({
  length: s.values.length,
  windows: nabWindows(s.values.length, s.anomalies),
  detections: scoreSeries(s.values, { stepSeconds: s.stepSeconds }).episodes.map((e) => e.index),
}));
for (const name of Object.keys(NAB_PROFILES) as NabProfileName[]) {
  const r = nabScore(corpus, NAB_PROFILES[name]);
  console.log(`NAB ${name}: ${r.score.toFixed(1)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, ${corpus.length} series)`);
}
