import type { OpspilotConfig } from '@opspilot/config';
import type { Incident, MetricResult } from '@opspilot/core';
import { chartScopeOf, chartSignals, inChartScope, type RootCauseAnalysis, type Signal } from '@opspilot/incidents';
import { renderSeriesChart } from '../seriesChart.js';
import { seriesLabel } from './metricsChart.js';
import { formatValue, localMetrics } from './metricsLocal.js';

const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 10 * 60_000;
const MAX_SERIES = 8;

/**
 * The signal charts of an incident in the terminal (`incidents show ID --chart`): the same signals as its web page
 * (those its anomalies name, those its top causes are seen in), each a sparkline per pod, workload or node of the
 * incident from half an hour before detection to ten minutes after resolution (or now), with the detection, the
 * anomalies and the resolution marked. Needs `prometheus.url`: without it the CLI has no history to draw.
 */
export async function incidentChartsText(
  config: OpspilotConfig,
  io: { cwd: string; env: Record<string, string | undefined> },
  incident: Incident,
  signals: Signal[],
  analysis: RootCauseAnalysis | undefined,
  now: Date,
): Promise<string> {
  if (!config.prometheus.url) {
    return 'Charts: set prometheus.url (OPSPILOT_PROMETHEUS_URL) to draw the signals; the server draws them from its own sampler too (the incident page)\n';
  }
  const detected = Date.parse(incident.detected_at);
  const end = Math.min(
    now.getTime(),
    incident.resolved_at ? Date.parse(incident.resolved_at) + AFTER_MS : now.getTime(),
  );
  const window = {
    start_time: new Date(detected - BEFORE_MS).toISOString(),
    end_time: new Date(Math.max(end, detected + 60_000)).toISOString(),
    step: '15s',
  };
  const markers = [
    ...signals
      .filter((s) => s.source === 'ANOMALY')
      .map((s) => ({ time: Date.parse(s.at) / 1000, label: `anomaly ${s.labels.signal ?? ''}`.trim() })),
    { time: detected / 1000, label: 'detected' },
    ...(incident.resolved_at ? [{ time: Date.parse(incident.resolved_at) / 1000, label: 'resolved' }] : []),
  ];
  const scope = chartScopeOf(incident, signals);
  const metrics = await localMetrics(config, io);
  const out: string[] = [];
  for (const signal of chartSignals(signals, analysis)) {
    const answer = await metrics.range(signal.promql, window);
    const results = answer.results as MetricResult[];
    const series = results
      .flatMap((r) => r.data)
      .filter((s) => inChartScope(signal, s.metric, scope))
      .slice(0, MAX_SERIES)
      .map((s) => ({ label: seriesLabel(s.metric), values: s.values }));
    const failed = results.find((r) => r.error);
    out.push(`Chart: ${signal.title} (${signal.id})`);
    out.push(
      series.length === 0
        ? `  ${failed ? `the metrics could not be read: ${failed.error}` : 'no series of the incident’s objects'}\n`
        : renderSeriesChart(series, {
            format: (v) => formatValue(String(v), signal.unit as never),
            markers,
            from: Date.parse(window.start_time) / 1000,
            to: Date.parse(window.end_time) / 1000,
          }),
    );
  }
  return out.join('\n');
}
