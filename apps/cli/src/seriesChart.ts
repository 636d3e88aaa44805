/** One series of a chart: its label and its `[unix seconds, value]` points, as Prometheus answers a range. */
export interface ChartSeries {
  label: string;
  values: readonly (readonly [number, string])[];
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * The points of a series spread over `width` columns of one time axis (`from`…`to`, unix seconds): each column the
 * largest value that falls in it (peaks stay visible), `undefined` where it has none.
 */
export function resample(
  values: ChartSeries['values'],
  from: number,
  to: number,
  width: number,
): (number | undefined)[] {
  const out: (number | undefined)[] = Array.from({ length: width }, () => undefined);
  const span = Math.max(to - from, 1e-9);
  for (const [t, raw] of values) {
    const v = Number(raw);
    if (!Number.isFinite(v)) continue;
    const column = Math.min(width - 1, Math.max(0, Math.floor(((t - from) / span) * width)));
    out[column] = out[column] === undefined ? v : Math.max(out[column]!, v);
  }
  return out;
}

/** A sparkline of values between `min` and `max` (eight levels; a blank where a column has no point). */
export function sparkline(columns: readonly (number | undefined)[], min: number, max: number): string {
  const range = max - min;
  return columns
    .map((v) =>
      v === undefined ? ' ' : BARS[range <= 0 ? 0 : Math.min(7, Math.max(0, Math.floor(((v - min) / range) * 8)))],
    )
    .join('');
}

/** Options of {@link renderSeriesChart}. */
export interface SeriesChartOptions {
  /** Columns of the sparklines (default 60). */
  width?: number;
  /** Formats a value for the MIN/MAX/LAST columns (default: as is). */
  format?: (value: number) => string;
  /** Moments to mark under the axis (unix seconds), e.g. `detected`, `resolved`. */
  markers?: readonly { time: number; label: string }[];
  /** The common time axis; by default the span of the points. */
  from?: number;
  to?: number;
}

const clock = (s: number) => new Date(s * 1000).toISOString().slice(11, 16);

/**
 * Series as a terminal chart: one sparkline per series on a shared time axis and a shared scale (so their heights
 * compare), with its MIN, MAX and LAST values, the axis' start and end times under it and `markers` (^ with their
 * labels) at their columns. Plain text: safe to pipe.
 */
export function renderSeriesChart(series: readonly ChartSeries[], options: SeriesChartOptions = {}): string {
  const width = options.width ?? 60;
  const format = options.format ?? ((v: number) => String(v));
  const points = series
    .flatMap((s) => s.values.map(([t, v]) => [t, Number(v)] as const))
    .filter(([, v]) => Number.isFinite(v));
  if (points.length === 0) return '(no points)\n';
  const from = options.from ?? Math.min(...points.map(([t]) => t));
  const to = options.to ?? Math.max(...points.map(([t]) => t));
  const min = Math.min(0, ...points.map(([, v]) => v));
  const max = Math.max(...points.map(([, v]) => v));
  const labelWidth = Math.min(40, Math.max(...series.map((s) => s.label.length), 6));
  const pad = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text.padEnd(n));
  const lines = [
    `${pad('SERIES', labelWidth)}  ${pad(`${format(min)} … ${format(max)}`, width)}  MIN       MAX       LAST`,
  ];
  for (const s of series) {
    const values = s.values.map(([, v]) => Number(v)).filter(Number.isFinite);
    if (values.length === 0) continue;
    const last = values.at(-1)!;
    lines.push(
      `${pad(s.label, labelWidth)}  ${sparkline(resample(s.values, from, to, width), min, max)}  ${pad(format(Math.min(...values)), 8)}  ${pad(format(Math.max(...values)), 8)}  ${format(last)}`,
    );
  }
  const axis = `${' '.repeat(labelWidth)}  ${clock(from)}${' '.repeat(Math.max(1, width - 10))}${clock(to)} UTC`;
  lines.push(axis);
  const marks = (options.markers ?? []).filter((m) => m.time >= from && m.time <= to);
  if (marks.length > 0) {
    const row = Array.from({ length: width }, () => ' ');
    for (const m of marks)
      row[Math.min(width - 1, Math.floor(((m.time - from) / Math.max(to - from, 1e-9)) * width))] = '^';
    lines.push(`${' '.repeat(labelWidth)}  ${row.join('')}`);
    lines.push(`${' '.repeat(labelWidth)}  ^ ${marks.map((m) => `${clock(m.time)} ${m.label}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
