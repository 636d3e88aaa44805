import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of a chart: its label and `[unix_seconds, "value"]` pairs as the API sends them. */
export interface ChartSeries {
  label: string;
  values: [number, string][];
}

const COLORS = ['#0284c7', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

/** Aligns series on one time axis (uPlot's data layout): missing points are gaps. */
export function alignSeries(series: readonly ChartSeries[]): uPlot.AlignedData {
  const times = [...new Set(series.flatMap((s) => s.values.map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns = series.map((s) => {
    const column: (number | null)[] = times.map(() => null);
    for (const [t, v] of s.values) {
      const n = Number(v);
      column[index.get(t)!] = Number.isFinite(n) ? n : null;
    }
    return column;
  });
  return [times, ...columns] as uPlot.AlignedData;
}

/** A moment marked on a chart's time axis (an anomaly, a deployment): a dashed vertical line and its label. */
export interface ChartMarker {
  /** Unix seconds. */
  time: number;
  label: string;
}

const NO_MARKERS: readonly ChartMarker[] = [];

/** Draws `markers` as dashed vertical lines over the plot area (uPlot's draw hook). */
function drawMarkers(markers: readonly ChartMarker[]) {
  return (u: uPlot) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = '#dc2626';
    ctx.fillStyle = '#dc2626';
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    for (const m of markers) {
      const x = u.valToPos(m.time, 'x', true);
      if (x < bbox.left || x > bbox.left + bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.fillText(m.label, x + 4 * devicePixelRatio, bbox.top + 14 * devicePixelRatio);
    }
    ctx.restore();
  };
}

/**
 * A time-series line chart (uPlot) of the given series, resized with its container. `format` renders axis and
 * legend values (bytes, cores, percentages); `markers` mark moments on the time axis.
 */
export function TimeSeriesChart({
  series,
  title,
  format = (v) => String(v),
  height = 260,
  markers = NO_MARKERS,
}: {
  series: readonly ChartSeries[];
  title: string;
  format?: (value: number) => string;
  height?: number;
  markers?: readonly ChartMarker[];
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const plot = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height,
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: COLORS[i % COLORS.length],
            width: 1.5,
            value: (_: uPlot, v: number | null) => (v === null ? '–' : format(v)),
          })),
        ],
        axes: [{}, { values: (_: uPlot, ticks: number[]) => ticks.map(format), size: 70 }],
        legend: { live: true },
        hooks: markers.length > 0 ? { draw: [drawMarkers(markers)] } : {},
      },
      alignSeries(series),
      element,
    );
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(320, element.clientWidth), height }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
    };
  }, [series, format, height, markers]);
  return (
    <figure aria-label={title} className="w-full">
      <figcaption className="mb-1 text-sm font-medium">{title}</figcaption>
      <div ref={host} data-testid="time-series-chart" data-series={series.length} data-markers={markers.length} />
    </figure>
  );
}
