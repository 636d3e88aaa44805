/**
 * The Numenta Anomaly Benchmark's scoring (Lavin & Ahmad 2015, "Evaluating Real-time Anomaly Detection Algorithms —
 * the Numenta Anomaly Benchmark"): each labelled anomaly sits in a window; the first detection in a window earns a
 * true-positive reward that falls along a scaled sigmoid from the window's left edge to its right; a detection outside
 * every window costs the false-positive weight, less when it comes just after a window; a window without detection
 * costs the false-negative weight. Detections in the probationary period (the first 15%, at most 750 points) are
 * ignored. Scores are normalised so the null detector (never fires) scores 0 and the perfect one 100.
 * @see https://github.com/numenta/NAB/wiki
 */

/** The weights of a NAB application profile. */
export interface NabProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

/** NAB's three application profiles. */
export const NAB_PROFILES = {
  standard: { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  reward_low_FP_rate: { tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  reward_low_FN_rate: { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
} as const satisfies Record<string, NabProfile>;
export type NabProfileName = keyof typeof NAB_PROFILES;

/** An anomaly window: the first and last point index, both included. */
export interface NabWindow {
  start: number;
  end: number;
}

/** One labelled series and the indexes at which a detector fired. */
export interface NabSeries {
  length: number;
  windows: readonly NabWindow[];
  detections: readonly number[];
}

/** The outcome for a series or a corpus. */
export interface NabResult {
  raw: number;
  /** What the null detector (no detection) and the perfect one (each window's first point) would score. */
  nullScore: number;
  perfectScore: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * NAB's scaled sigmoid of a relative position: -1 (a window's left edge) gives 0.9866, 0 (its right edge) 0, and
 * positive positions (after the window) fall towards -1, reached from 3 on.
 */
export function scaledSigmoid(position: number): number {
  if (position >= 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** The probationary length NAB ignores at the start of a series of `length` points. */
export function probationLength(length: number, percent = 0.15): number {
  return Math.min(Math.floor(percent * length), percent * 5000);
}

/**
 * NAB's windows for anomalies labelled at `points` in a series of `length`: each `fraction` of the length divided
 * by the number of anomalies, centred on its anomaly, clipped to the series; overlapping windows merge.
 */
export function nabWindows(length: number, points: readonly number[], fraction = 0.1): NabWindow[] {
  if (points.length === 0) return [];
  const size = Math.floor((fraction * length) / points.length);
  const windows: NabWindow[] = [];
  for (const p of [...points].sort((a, b) => a - b)) {
    const start = Math.max(0, p - Math.floor(size / 2));
    const end = Math.min(length - 1, p + Math.floor(size / 2));
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** Scores one series under `profile`. */
export function nabScoreSeries(series: NabSeries, profile: NabProfile, probationPercent = 0.15): NabResult {
  const probation = probationLength(series.length, probationPercent);
  const windows = series.windows.filter((w) => w.end >= probation);
  const maxTp = scaledSigmoid(-1);
  const best = new Array<number | undefined>(windows.length).fill(undefined);
  let fpScore = 0;
  let fp = 0;
  for (const i of [...series.detections].sort((a, b) => a - b)) {
    if (i < probation || i >= series.length) continue;
    const w = windows.findIndex((x) => i >= x.start && i <= x.end);
    if (w >= 0) {
      const win = windows[w]!;
      const width = win.end - win.start + 1;
      const score = (scaledSigmoid(-(win.end - i + 1) / width) * profile.tpWeight) / maxTp;
      best[w] = Math.max(best[w] ?? Number.NEGATIVE_INFINITY, score);
      continue;
    }
    fp++;
    let previous: NabWindow | undefined;
    for (const x of windows) if (x.end < i) previous = x;
    if (!previous) fpScore -= profile.fpWeight;
    else {
      const width = previous.end - previous.start + 1;
      const position = Math.abs(i - previous.end) / Math.max(1, width - 1);
      fpScore += scaledSigmoid(position) * profile.fpWeight;
    }
  }
  const tp = best.filter((b) => b !== undefined).length;
  const fn = windows.length - tp;
  const tpScore = best.reduce<number>((sum, b) => sum + (b ?? 0), 0);
  return {
    raw: tpScore + fpScore - fn * profile.fnWeight,
    nullScore: -windows.length * profile.fnWeight,
    perfectScore: windows.length * profile.tpWeight,
    tp,
    fp,
    fn,
  };
}

/** Scores a corpus under `profile`: the sums of its series' results and the normalised score (null 0, perfect 100). */
export function nabScore(
  corpus: readonly NabSeries[],
  profile: NabProfile,
  probationPercent = 0.15,
): NabResult & { score: number } {
  const total: NabResult = { raw: 0, nullScore: 0, perfectScore: 0, tp: 0, fp: 0, fn: 0 };
  for (const series of corpus) {
    const r = nabScoreSeries(series, profile, probationPercent);
    total.raw += r.raw;
    total.nullScore += r.nullScore;
    total.perfectScore += r.perfectScore;
    total.tp += r.tp;
    total.fp += r.fp;
    total.fn += r.fn;
  }
  const span = total.perfectScore - total.nullScore;
  return { ...total, score: span === 0 ? 0 : (100 * (total.raw - total.nullScore)) / span };
}
