import { SeededRandom } from './seededRandom.js';

/** What a generated series shows. */
export type SeriesKind = 'noise' | 'spike' | 'drop' | 'level_shift' | 'drift' | 'pattern_break';

/** A generated series with its ground truth: the index where each anomaly starts. */
export interface LabelledSeries {
  name: string;
  kind: SeriesKind;
  seasonal: boolean;
  stepSeconds: number;
  values: Float64Array;
  anomalies: number[];
}

/** Options of {@link labelledSeries}. */
export interface LabelledSeriesOptions {
  seed: number;
  kind: SeriesKind;
  /** Add a daily cycle (always on for `pattern_break`). */
  seasonal?: boolean;
  /** Points (default 2,016: a week at 5 minutes). */
  length?: number;
  stepSeconds?: number;
}

/**
 * A seeded operational-looking series (a positive level, Gaussian noise of 2 to 5%, optionally a daily cycle of 15
 * to 35% of the level) with anomalies injected in its second half: short spikes and drops of 6 to 12 deviations,
 * lasting 1 to 5 points; level shifts of 5 to 10 deviations; drifts reaching 15 deviations in 60 to 120 points; a
 * broken daily pattern (the cycle flattened for a few hours). `noise` has none, to count false positives.
 */
export function labelledSeries(options: LabelledSeriesOptions): LabelledSeries {
  const rnd = new SeededRandom(options.seed);
  const length = options.length ?? 2016;
  const step = options.stepSeconds ?? 300;
  const kind = options.kind;
  const seasonal = kind === 'pattern_break' || (options.seasonal ?? false);
  const level = rnd.between(10, 1000);
  const sigma = level * rnd.between(0.02, 0.05);
  const amplitude = seasonal ? level * rnd.between(0.15, 0.35) : 0;
  const period = 86_400 / step;
  const phase = rnd.between(0, 2 * Math.PI);
  const cycle = (i: number) => amplitude * Math.sin((2 * Math.PI * i) / period + phase);
  const values = new Float64Array(length);
  for (let i = 0; i < length; i++) values[i] = level + cycle(i) + sigma * rnd.normal();
  const anomalies: number[] = [];
  if (kind !== 'noise') {
    const count = kind === 'spike' || kind === 'drop' ? rnd.int(1, 2) : 1;
    const from = Math.floor(length * 0.5);
    const span = Math.floor((length * 0.45) / count);
    for (let k = 0; k < count; k++) {
      const at = from + k * span + rnd.int(0, Math.floor(span * 0.6));
      inject(values, kind, at, { sigma, level, rnd, cycle, period });
      anomalies.push(at);
    }
  }
  for (let i = 0; i < length; i++) values[i] = Math.max(0, values[i]!);
  return {
    name: `${kind}${seasonal ? '-seasonal' : ''}-${options.seed}`,
    kind,
    seasonal,
    stepSeconds: step,
    values,
    anomalies,
  };
}

function inject(
  values: Float64Array,
  kind: SeriesKind,
  at: number,
  c: { sigma: number; level: number; rnd: SeededRandom; cycle: (i: number) => number; period: number },
): void {
  const n = values.length;
  switch (kind) {
    case 'spike':
    case 'drop': {
      const size = c.rnd.between(6, 12) * c.sigma * (kind === 'spike' ? 1 : -1);
      const duration = c.rnd.int(1, 5);
      for (let i = at; i < Math.min(n, at + duration); i++) values[i] = values[i]! + size;
      return;
    }
    case 'level_shift': {
      const size = c.rnd.between(5, 10) * c.sigma * (c.rnd.next() < 0.5 ? -1 : 1);
      for (let i = at; i < n; i++) values[i] = values[i]! + size;
      return;
    }
    case 'drift': {
      const over = c.rnd.int(60, 120);
      const slope = (15 * c.sigma) / over;
      for (let i = at; i < n; i++) values[i] = values[i]! + slope * Math.min(i - at, over);
      return;
    }
    case 'pattern_break': {
      const hours = Math.floor((c.rnd.between(3, 6) * c.period) / 24);
      for (let i = at; i < Math.min(n, at + hours); i++) values[i] = values[i]! - 1.8 * c.cycle(i);
      return;
    }
    default:
      return;
  }
}

/** The standard generated corpus: `perKind` seeded series of each kind, half of them with a daily cycle. */
export function labelledCorpus(perKind = 8, seed = 1): LabelledSeries[] {
  const kinds: SeriesKind[] = ['noise', 'spike', 'drop', 'level_shift', 'drift', 'pattern_break'];
  const out: LabelledSeries[] = [];
  for (const kind of kinds) {
    for (let k = 0; k < perKind; k++) {
      out.push(labelledSeries({ seed: seed * 10_007 + out.length, kind, seasonal: k % 2 === 1 }));
    }
  }
  return out;
}
