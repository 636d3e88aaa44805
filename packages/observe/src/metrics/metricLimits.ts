import { InputError } from '@opspilot/core';

/** Bounds every metric query is held to, whichever source answers it. */
export interface MetricLimits {
  /** Longest range of a range query, in seconds (default 7 days). */
  maxRangeSeconds: number;
  /** Smallest step, in seconds (default 1). */
  minStepSeconds: number;
  /** Most points per series a range query may ask for (default 11,000, as Prometheus itself). */
  maxPointsPerSeries: number;
  /** Most series kept per cluster; more are dropped and the cluster's result is PARTIAL (default 10,000). */
  maxSeries: number;
}

/** The defaults of {@link MetricLimits}. */
export const DEFAULT_METRIC_LIMITS: MetricLimits = {
  maxRangeSeconds: 7 * 24 * 3600,
  minStepSeconds: 1,
  maxPointsPerSeries: 11_000,
  maxSeries: 10_000,
};

/** A resolved time window of a range query, in unix seconds. */
export interface MetricWindow {
  start: number;
  end: number;
  stepSeconds: number;
}

/**
 * Checks a range query's window against the limits before any request leaves: a step under the minimum, a range
 * over the maximum or too many points per series is an {@link InputError} saying which limit and what to change.
 */
export function checkWindow(window: MetricWindow, limits: MetricLimits = DEFAULT_METRIC_LIMITS): void {
  const range = window.end - window.start;
  if (window.stepSeconds < limits.minStepSeconds) {
    throw new InputError(`step ${window.stepSeconds}s is below the minimum of ${limits.minStepSeconds}s`, {
      hint: `use a step of at least ${limits.minStepSeconds}s`,
      details: { limit: 'min_step', step_seconds: window.stepSeconds },
    });
  }
  if (range < 0) throw new InputError('the range ends before it starts', { hint: 'swap start and end' });
  if (range > limits.maxRangeSeconds) {
    throw new InputError(
      `a range of ${formatSeconds(range)} is longer than the maximum of ${formatSeconds(limits.maxRangeSeconds)}`,
      { hint: 'query a shorter range', details: { limit: 'max_range', range_seconds: range } },
    );
  }
  const points = Math.floor(range / window.stepSeconds) + 1;
  if (points > limits.maxPointsPerSeries) {
    const step = Math.ceil(range / (limits.maxPointsPerSeries - 1));
    throw new InputError(
      `${points} points per series (range ${formatSeconds(range)} at step ${window.stepSeconds}s) exceed the maximum of ${limits.maxPointsPerSeries}`,
      { hint: `use a step of at least ${step}s or a shorter range`, details: { limit: 'max_points', points } },
    );
  }
}

/** `3600` → `1h`, `90` → `1m30s`: for messages. */
export function formatSeconds(total: number): string {
  const units: [string, number][] = [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  let rest = Math.round(total);
  let out = '';
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}
