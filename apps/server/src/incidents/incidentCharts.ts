import { type Cluster, type Incident, MetricQuery } from '@opspilot/core';
import { chartScopeOf, chartSignals, inChartScope, type RootCauseAnalysis, type Signal } from '@opspilot/incidents';
import { z } from 'zod';
import { signalMetricsSource } from '../anomaly/signalMetricsSource.js';
import type { ApiServices } from '../api/apiServices.js';

/** One chart of an incident's page: a signal's series for the incident's objects, with its moments marked. */
export const IncidentChart = z.object({
  signal: z.string(),
  title: z.string(),
  unit: z.string(),
  series: z.array(z.object({ label: z.string(), values: z.array(z.tuple([z.number(), z.string()])) })),
  /** Unix seconds: anomalies detected, the incident detected and resolved. */
  markers: z.array(z.object({ time: z.number(), label: z.string() })),
  note: z.string().optional(),
});
export type IncidentChart = z.infer<typeof IncidentChart>;

export const IncidentCharts = z.object({ from: z.string(), to: z.string(), charts: z.array(IncidentChart) });
export type IncidentCharts = z.infer<typeof IncidentCharts>;

const MAX_SERIES = 8;
const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 10 * 60_000;

/**
 * The signal charts of an incident: for each chart signal ({@link chartSignals}) its series of the incident's pods,
 * workloads or nodes from half an hour before detection to ten minutes after resolution (or now), read through the
 * same metrics source as the anomaly scan (Prometheus, or the built-in sampler), with each detected anomaly, the
 * detection and the resolution marked.
 */
export async function incidentCharts(
  services: Pick<ApiServices, 'metrics' | 'clock'>,
  cluster: Cluster,
  incident: Incident,
  signals: Signal[],
  analysis: RootCauseAnalysis | null | undefined,
  abort?: AbortSignal,
): Promise<IncidentCharts> {
  const detected = Date.parse(incident.detected_at);
  const now = services.clock.now().getTime();
  const end = Math.min(now, incident.resolved_at ? Date.parse(incident.resolved_at) + AFTER_MS : now);
  const from = new Date(detected - BEFORE_MS).toISOString();
  const to = new Date(Math.max(end, detected + 60_000)).toISOString();
  const markers = [
    ...signals
      .filter((s) => s.source === 'ANOMALY')
      .map((s) => ({ time: Date.parse(s.at) / 1000, label: `anomaly: ${s.labels.signal ?? s.title}` })),
    { time: detected / 1000, label: 'detected' },
    ...(incident.resolved_at ? [{ time: Date.parse(incident.resolved_at) / 1000, label: 'resolved' }] : []),
  ];
  const scope = chartScopeOf(incident, signals);
  const source = signalMetricsSource(services.metrics, async () => [cluster]);
  const charts: IncidentChart[] = [];
  for (const signal of chartSignals(signals, analysis)) {
    const results = await source
      .query(
        MetricQuery.parse({
          query: signal.promql,
          cluster_ids: [cluster.id],
          start_time: from,
          end_time: to,
          step: '15s',
        }),
        abort,
      )
      .catch((error: unknown) => [
        { status: 'ERROR' as const, error: error instanceof Error ? error.message : String(error), data: [] },
      ]);
    const failed = results.find((r) => r.status === 'ERROR' || r.status === 'TIMEOUT');
    const series = results
      .flatMap((r) => r.data)
      .filter((s) => inChartScope(signal, s.metric, scope))
      .slice(0, MAX_SERIES)
      .map((s) => ({ label: s.metric.pod ?? s.metric.node ?? s.metric.workload ?? signal.title, values: s.values }));
    charts.push({
      signal: signal.id,
      title: signal.title,
      unit: signal.unit,
      series,
      markers,
      ...(series.length === 0
        ? { note: failed ? `the metrics could not be read: ${failed.error}` : 'no series of the incident’s objects' }
        : {}),
    });
  }
  return { from, to, charts };
}
