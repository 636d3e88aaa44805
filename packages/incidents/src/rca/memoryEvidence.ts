import { anomalySignal } from '@opspilot/anomaly';
import { type MetricsSource, type ObjectRef, parseQuantity } from '@opspilot/core';
import { type IncidentScope, keyOf } from './incidentScope.js';

// biome-ignore lint/suspicious/noExplicitAny: pod statuses are read field by field
type Any = Record<string, any>;

/** A container of the incident's scope whose last run ended OOMKilled (exit 137), as its pod's status says. */
export interface OomKill {
  pod: ObjectRef;
  container: string;
  /** The workload the pod belongs to. */
  workload?: ObjectRef;
  /** How often the container restarted so far. */
  restarts: number;
  exitCode: number;
  /** When the last OOM kill happened. */
  at?: string;
  /** The container's memory limit, in bytes, when it has one. */
  limitBytes?: number;
  limit?: string;
}

/** The shape of a pod's memory working set over the incident's window (a leak is a rising saw-tooth). */
export interface MemoryTrend {
  pod: ObjectRef;
  workload?: ObjectRef;
  points: number;
  minBytes: number;
  maxBytes: number;
  /** Median growth while rising, in bytes per minute (0 unless most steps rise: flat or noisy). */
  growthBytesPerMinute: number;
  /** Drops by more than a quarter from the value before: the process restarted (after an OOM kill). */
  resets: number;
  from: string;
  to: string;
}

/** The OOM kills the pods of the scope report (current or last termination `OOMKilled`). */
export function oomKillsOf(scope: IncidentScope): OomKill[] {
  const out: OomKill[] = [];
  for (const pod of scope.pods) {
    const ref: ObjectRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name };
    const specs = ((pod.spec as Any | undefined)?.containers ?? []) as Any[];
    for (const status of ((pod.status as Any | undefined)?.containerStatuses ?? []) as Any[]) {
      const t = [status.state?.terminated, status.lastState?.terminated].find((x) => x?.reason === 'OOMKilled');
      if (!t) continue;
      const limit = specs.find((c) => c.name === status.name)?.resources?.limits?.memory as string | undefined;
      out.push({
        pod: ref,
        container: String(status.name),
        workload: scope.ownerOfPod.get(keyOf(ref)),
        restarts: Number(status.restartCount ?? 0),
        exitCode: Number(t.exitCode ?? 137),
        at: typeof t.finishedAt === 'string' ? t.finishedAt : undefined,
        limit,
        limitBytes: parseQuantity(limit),
      });
    }
  }
  return out;
}

/** Summarises one series of `[unix seconds, "value"]` points: its range, rising rate and restarts. */
export function memoryTrend(values: [number, string][]): Omit<MemoryTrend, 'pod' | 'workload'> | undefined {
  const points = values.map(([t, v]) => [t, Number(v)] as const).filter(([, v]) => Number.isFinite(v));
  if (points.length < 3) return undefined;
  const rates: number[] = [];
  let resets = 0;
  for (let i = 1; i < points.length; i++) {
    const [t0, v0] = points[i - 1]!;
    const [t1, v1] = points[i]!;
    if (v1 < v0 * 0.75) resets++;
    else if (v1 > v0 && t1 > t0) rates.push(((v1 - v0) / (t1 - t0)) * 60);
  }
  rates.sort((a, b) => a - b);
  const values1 = points.map(([, v]) => v);
  return {
    points: points.length,
    minBytes: Math.min(...values1),
    maxBytes: Math.max(...values1),
    growthBytesPerMinute: rates.length > (points.length - 1) / 2 ? (rates[Math.floor(rates.length / 2)] ?? 0) : 0,
    resets,
    from: new Date(points[0]![0] * 1000).toISOString(),
    to: new Date(points.at(-1)![0] * 1000).toISOString(),
  };
}

/**
 * The memory working set of the scope's pods from `from` to `to`, through the metrics port (the `pod-memory` series
 * of the anomaly scan, which Prometheus and the built-in sampler both answer), summarised per pod. Empty when the
 * port is missing or fails: metrics are corroborating evidence, never a reason for the analysis to fail.
 */
export async function memoryTrends(
  metrics: MetricsSource | undefined,
  clusterId: string | undefined,
  scope: IncidentScope,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<MemoryTrend[]> {
  const promql = anomalySignal('pod-memory')?.promql;
  if (!metrics || !clusterId || !promql || scope.pods.length === 0) return [];
  const pods = new Map(scope.pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  const answers = await metrics
    .query(
      { query: promql, cluster_ids: [clusterId], start_time: from, end_time: to, step: '15s', timeout: 30 },
      signal,
    )
    .catch(() => []);
  const out: MemoryTrend[] = [];
  for (const answer of answers) {
    if (answer.status !== 'SUCCESS' && answer.status !== 'PARTIAL') continue;
    for (const series of answer.data) {
      const pod = pods.get(`${series.metric.namespace}/${series.metric.pod}`);
      const trend = pod && memoryTrend(series.values ?? []);
      if (!pod || !trend) continue;
      const ref: ObjectRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name };
      out.push({ pod: ref, workload: scope.ownerOfPod.get(keyOf(ref)), ...trend });
    }
  }
  return out;
}
