import type { MetricSeries } from '@opspilot/core';
import { firstIn, type SampleWindow } from './sampleWindow.js';

/** A stored series of the built-in sampler. */
export interface StoredSeries {
  labels: Record<string, string>;
  window: SampleWindow;
}

/**
 * What the built-in sampler can compute — deliberately not PromQL: a sum by labels of a gauge or of a counter's
 * per-second rate, over series filtered by exact labels or a name prefix, and the ratio of two such sums.
 */
export type BuiltinExpr =
  | {
      fn: 'gauge' | 'rate';
      metric: string;
      by: string[];
      /** Labels that must equal these values. */
      match?: Record<string, string>;
      /** Labels that must start with these prefixes (e.g. pods of a workload). */
      prefix?: Record<string, string>;
      /** Rate window in ms (rate only; default 5 min). */
      rangeMs?: number;
    }
  | { fn: 'ratio'; num: BuiltinExpr; den: BuiltinExpr };

/** The series of a metric by name, as the sampler keeps them. */
export type SeriesLookup = (metric: string) => Iterable<StoredSeries>;

const LOOKBACK_MS = 5 * 60_000;

/** Evaluates `expr` at `time` (unix ms): one value per group of the `by` labels. */
export function evaluateAt(
  expr: BuiltinExpr,
  lookup: SeriesLookup,
  time: number,
): Map<string, { labels: Record<string, string>; value: number }> {
  const out = new Map<string, { labels: Record<string, string>; value: number }>();
  if (expr.fn === 'ratio') {
    const num = evaluateAt(expr.num, lookup, time);
    for (const [key, den] of evaluateAt(expr.den, lookup, time)) {
      if (den.value > 0) out.set(key, { labels: den.labels, value: (num.get(key)?.value ?? 0) / den.value });
    }
    return out;
  }
  for (const s of lookup(expr.metric)) {
    if (expr.match && Object.entries(expr.match).some(([k, v]) => s.labels[k] !== v)) continue;
    if (expr.prefix && Object.entries(expr.prefix).some(([k, v]) => !(s.labels[k] ?? '').startsWith(v))) continue;
    let value: number | undefined;
    if (expr.fn === 'gauge') value = s.window.at(time, LOOKBACK_MS)?.value;
    else {
      const last = s.window.at(time, LOOKBACK_MS);
      const first = last && firstIn(s.window, time - (expr.rangeMs ?? LOOKBACK_MS), last.time);
      if (last && first && last.time > first.time) {
        const delta = last.value >= first.value ? last.value - first.value : last.value;
        value = delta / ((last.time - first.time) / 1000);
      }
    }
    // A stale marker (NaN) or a rate across one is no value.
    if (value === undefined || Number.isNaN(value)) continue;
    const labels = Object.fromEntries(expr.by.map((k) => [k, s.labels[k] ?? '']));
    const key = JSON.stringify(labels);
    const group = out.get(key);
    if (group) group.value += value;
    else out.set(key, { labels, value });
  }
  return out;
}

/** Evaluates `expr` at every step of [start, end] (unix ms) into series with `[unix_seconds, "value"]` pairs. */
export function evaluateRange(
  expr: BuiltinExpr,
  lookup: SeriesLookup,
  start: number,
  end: number,
  stepMs: number,
): MetricSeries[] {
  const series = new Map<string, MetricSeries>();
  for (let t = start; t <= end; t += stepMs) {
    for (const [key, { labels, value }] of evaluateAt(expr, lookup, t)) {
      let s = series.get(key);
      if (!s) {
        s = { metric: labels, values: [] };
        series.set(key, s);
      }
      s.values.push([t / 1000, String(value)]);
    }
  }
  return [...series.values()];
}
