import { type AnomalySignal, anomalySignal } from '@opspilot/anomaly';
import type { Incident } from '@opspilot/core';
import type { Signal } from '../correlate/signal.js';
import type { RootCauseAnalysis } from '../rca/cause.js';

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

/** What the incident reaches, for picking its series out of a cluster's: pods, workload names, nodes. */
export function chartScopeOf(incident: Incident, signals: Signal[]) {
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

/** Whether a series of `signal` (its labels) is about one of the incident's pods, workloads or nodes. */
export function inChartScope(
  signal: AnomalySignal,
  labels: Record<string, string>,
  scope: ReturnType<typeof chartScopeOf>,
): boolean {
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
