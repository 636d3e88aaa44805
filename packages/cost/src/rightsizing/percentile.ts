/**
 * The `p`-th percentile (0 to 100) of the finite values of `values`, by the nearest-rank method Prometheus'
 * `quantile_over_time` approximates (linear interpolation between closest ranks); NaN when none are finite.
 */
export function percentile(values: ArrayLike<number>, p: number): number {
  const finite = finiteSorted(values);
  return percentileOfSorted(finite, p);
}

/** The finite values of `values`, sorted ascending, in a new typed array. */
export function finiteSorted(values: ArrayLike<number>): Float64Array {
  let n = 0;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/** The `p`-th percentile of an ascending array (linear interpolation, as `quantile_over_time`). */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}
