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

let scratch = new Float64Array(0);

/**
 * The `p`-th percentile of the finite values of `values` by selection instead of sorting (O(n), and no allocation
 * once the scratch buffer is large enough): the same number as {@link percentile}.
 */
export function percentileBySelection(values: ArrayLike<number>, p: number): number {
  if (scratch.length < values.length) scratch = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) scratch[n++] = v;
  }
  if (n === 0) return Number.NaN;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const a = select(scratch, n, lo);
  if (lo + 1 >= n || rank === lo) return a;
  // The next order statistic is the smallest value right of the selected one.
  let b = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (scratch[i]! < b) b = scratch[i]!;
  return a + (b - a) * (rank - lo);
}

/** Hoare's quickselect: puts the `k`-th smallest of `a[0..n)` at index k (smaller left, larger right). */
function select(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
