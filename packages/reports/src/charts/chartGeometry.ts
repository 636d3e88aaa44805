import type { ReportChart } from '../report/reportDocument.js';

/** Colours of a chart's series, in order. */
export const SERIES_COLOURS = ['#2563eb', '#9333ea', '#dc2626', '#059669', '#d97706'];

export interface PlacedSeries {
  name: string;
  dashed: boolean;
  colour: string;
  points: { px: number; py: number; x: string; y: number }[];
}

/** Where a chart's points fall in a `width` × `height` plot area: x by the sorted union of labels, y from 0 to max. */
export function placeChart(chart: ReportChart, width: number, height: number) {
  const xs = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const max = Math.max(0, ...chart.series.flatMap((s) => s.points.map((p) => p.y)));
  const top = max === 0 ? 1 : niceCeil(max);
  const step = xs.length > 1 ? width / (xs.length - 1) : 0;
  const xOf = (x: string) => (xs.length > 1 ? xs.indexOf(x) * step : width / 2);
  const yOf = (y: number) => height - (y / top) * height;
  const series: PlacedSeries[] = chart.series.map((s, i) => ({
    name: s.name,
    dashed: s.dashed ?? false,
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length] as string,
    points: s.points.map((p) => ({ px: xOf(p.x), py: yOf(p.y), x: p.x, y: p.y })),
  }));
  return { xs, top, series, xOf, yOf };
}

/** The next round number at or above `n` (1, 2, 2.5, 5 × 10^k), for the top of the y axis. */
export function niceCeil(n: number): number {
  const exp = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= n) return m * exp;
  return 10 * exp;
}

/** A short number for an axis label. */
export const axisNumber = (n: number) =>
  n >= 1000 ? `${(n / 1000).toFixed(n >= 10_000 ? 0 : 1)}k` : Number.isInteger(n) ? String(n) : n.toFixed(1);
