import type { ChartSeries } from '../../components/TimeSeriesChart.js';

/** An allocation row as the API sends it (the fields the page draws). */
export interface AllocationRowView {
  key: string;
  total_cost: number;
  series: number[];
}

/**
 * The chart lines of an allocation: the `top` most expensive groups (idle included) with their cost per step as
 * `[unix_seconds, value]` pairs, for the uPlot chart.
 */
export function costSeries(
  window: { start: number; stepSeconds: number },
  rows: readonly AllocationRowView[],
  top = 8,
): ChartSeries[] {
  return [...rows]
    .sort((a, b) => b.total_cost - a.total_cost)
    .slice(0, top)
    .map((r) => ({
      label: r.key,
      values: r.series.map((v, i): [number, string] => [window.start + i * window.stepSeconds, String(v)]),
    }));
}

/** An amount of money as the tables show it: 4 decimals under 1, else 2. */
export function money(n: number, currency = 'USD'): string {
  return `${n.toFixed(n < 1 ? 4 : 2)} ${currency}`;
}
