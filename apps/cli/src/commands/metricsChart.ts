import type { MetricResult } from '@opspilot/core';
import type { MetricsAnswer } from '@opspilot/observe';
import { renderSeriesChart } from '../seriesChart.js';
import { formatValue } from './metricsLocal.js';

/** The most telling labels of a series for a chart row: pod, node or workload, else all of them. */
export function seriesLabel(metric: Record<string, string>): string {
  const name = metric.pod ?? metric.node ?? metric.workload ?? metric.deployment ?? metric.instance;
  if (name) return metric.namespace && !metric.node ? `${metric.namespace}/${name}` : name;
  const entries = Object.entries(metric);
  return entries.length === 0 ? '{}' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/**
 * A range answer as a terminal chart (`--chart`): its title, one sparkline per series on the window's time axis with
 * its MIN, MAX and LAST in the query's unit, then a line per cluster that did not succeed.
 */
export function answerChart(answer: MetricsAnswer): string {
  const unit = answer.named?.unit;
  const results = answer.results as MetricResult[];
  const series = results.flatMap((r) =>
    r.data.map((s) => ({
      label: results.length > 1 ? `${r.cluster_name}:${seriesLabel(s.metric)}` : seriesLabel(s.metric),
      values: s.values,
    })),
  );
  const head = answer.named ? `${answer.named.title} (${answer.status})` : `${answer.query} (${answer.status})`;
  const notes = results.filter((r) => r.error).map((r) => `${r.status}: ${r.error}`);
  const chart =
    series.length === 0
      ? 'no series\n'
      : renderSeriesChart(series, {
          format: (v) => formatValue(String(v), unit),
          ...(answer.window ? { from: answer.window.start, to: answer.window.end } : {}),
        });
  return [head, chart.trimEnd(), ...notes].join('\n');
}
