import { type AnomalySignal, anomalySignal } from '@opspilot/anomaly';
import { type Cluster, type Incident, MetricQuery } from '@opspilot/core';
import type { RootCauseAnalysis, Signal } from '@opspilot/incidents';
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

/** The signals each kind of cause is seen in (the charts beside the ones the incident's anomalies name). */
const BY_CAUSE: Record<string, string[]> = {
  oom: ['pod-memory', 'pod-restarts'],
  saturation: ['pod-cpu', 'workload-latency-p95'],
  'noisy-neighbour': ['pod-cpu', 'node-cpu', 'workload-latency-p95'],
  'bad-rollout': ['workload-error-ratio', 'pod-restarts'],
  'config-change': ['pod-restarts', 'workload-error-ratio'],
  'node-failure': ['node-cpu', 'node-memory'],
};
const DEFAULT = ['pod-cpu', 'pod-memory', 'pod-restarts'];
const MAX_CHARTS = 4;
const MAX_SERIES = 8;
const BEFORE_MS = 30 * 60_000;
const AFTER_MS = 10 * 60_000;

/** What the incident reaches, for picking its series out of a cluster's: pods, workload names, nodes. */
function scopeOf(incident: Incident, signals: Signal[]) {
  const pods = new Set<string>();
  const workloads = new Set<string>();
  const nodes = new Set<string>();
  const refs = [...incident.affected_resources, ...signals.flatMap((s) => (s.resource ? [s.resource] : []))];
  for (const r of refs) {
    if (r.kind === 'Pod') pods.add(`${r.namespace}/${r.name}`);
    else if (r.kind === 'Node') nodes.add(r.name);
    else workloads.add(`${r.namespace}/${r.name}`);
  }
  for (const s of signals) {
    const ns = s.labels.namespace ?? s.resource?.namespace;
    for (const key of ['workload', 'deployment', 'statefulset', 'daemonset'])
      if (s.labels[key] && ns) workloads.add(`${ns}/${s.labels[key]}`);
    if (s.labels.node) nodes.add(s.labels.node);
  }
  return { pods, workloads, nodes };
}

function matches(signal: AnomalySignal, labels: Record<string, string>, scope: ReturnType<typeof scopeOf>): boolean {
  const ns = labels.namespace ?? '';
  if (signal.scope === 'node') return scope.nodes.has(labels.node ?? labels.instance ?? '');
  if (signal.scope === 'workload')
    return scope.workloads.has(`${ns}/${labels.workload ?? labels.deployment ?? labels.app ?? ''}`);
  if (signal.scope === 'pod') {
    const pod = labels.pod ?? '';
    if (scope.pods.has(`${ns}/${pod}`)) return true;
    return [...scope.workloads].some((w) => w.startsWith(`${ns}/`) && pod.startsWith(`${w.slice(ns.length + 1)}-`));
  }
  return false;
}

/** The chart signals of an incident: those its anomalies name, then those its top causes are seen in, else defaults. */
export function chartSignals(signals: Signal[], analysis: RootCauseAnalysis | null | undefined): AnomalySignal[] {
  const ids: string[] = [];
  for (const s of signals) if (s.source === 'ANOMALY' && s.labels.signal) ids.push(s.labels.signal);
  for (const c of analysis?.causes.slice(0, 2) ?? []) ids.push(...(BY_CAUSE[c.kind] ?? []));
  ids.push(...DEFAULT);
  const known = [...new Set(ids)].map((id) => anomalySignal(id)).filter((s): s is AnomalySignal => !!s);
  return known.filter((s) => s.scope !== 'gpu').slice(0, MAX_CHARTS);
}

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
  const scope = scopeOf(incident, signals);
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
      .filter((s) => matches(signal, s.metric, scope))
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
