import type { MetricResult, MetricsSource } from '@opspilot/core';
import type { ClusterCostInput } from '../inventory/costInventory.js';
import { promDuration, USAGE_QUERIES } from './usageQueries.js';

/** The longest range one query may ask for (the observe service refuses more than 7 days). */
const MAX_RANGE_SECONDS = 7 * 86_400 - 3600;

/** Usage could not be read from a cluster's metrics: allocation falls back to requests. */
export interface UsageGap {
  cluster_id: string;
  query: 'cpu' | 'memory';
  error: string;
}

/**
 * Reads each container's CPU and memory usage over the inventory's window from the metrics source (one range
 * query per resource and 7 days, at the window's step; CPU as the rate and memory as the maximum over the step, or
 * over `rateWindowSeconds`) and attaches the aligned series to the inventory's containers.
 * Series of pods no longer in the inventory are ignored; a failed query is returned as a gap, not thrown.
 */
export async function attachUsage(
  input: ClusterCostInput,
  metrics: MetricsSource,
  options: { signal?: AbortSignal; rateWindowSeconds?: number } = {},
): Promise<UsageGap[]> {
  const { signal } = options;
  const { start, stepSeconds, steps } = input.window;
  const byKey = new Map(
    input.pods.flatMap((p) => p.containers.map((c) => [`${p.namespace}/${p.name}/${c.name}`, c] as const)),
  );
  // A sampler answering per pod (no container label): its value is the pod's only container's.
  const onlyContainer = new Map(
    input.pods
      .filter((p) => p.containers.length === 1)
      .map((p) => [`${p.namespace}/${p.name}`, p.containers[0]!] as const),
  );
  const gaps: UsageGap[] = [];
  const chunks: [number, number][] = [];
  const chunkSteps = Math.max(1, Math.floor(MAX_RANGE_SECONDS / stepSeconds));
  for (let from = 0; from < steps; from += chunkSteps) {
    chunks.push([start + from * stepSeconds, start + Math.min(steps - 1, from + chunkSteps - 1) * stepSeconds]);
  }
  for (const which of ['cpu', 'memory'] as const) {
    const query = USAGE_QUERIES[which].replace(
      '$STEP',
      promDuration(options.rateWindowSeconds ?? Math.max(stepSeconds, 60)),
    );
    for (const [from, to] of chunks) {
      let results: MetricResult[];
      try {
        results = await metrics.query(
          {
            query,
            cluster_ids: [input.clusterId],
            start_time: new Date(from * 1000).toISOString(),
            end_time: new Date(to * 1000).toISOString(),
            step: promDuration(stepSeconds),
            timeout: 60,
          },
          signal,
        );
      } catch (e) {
        gaps.push({ cluster_id: input.clusterId, query: which, error: (e as Error).message });
        continue;
      }
      for (const r of results) {
        if (r.status === 'ERROR' || r.status === 'TIMEOUT') {
          gaps.push({ cluster_id: input.clusterId, query: which, error: r.error ?? r.status });
          continue;
        }
        for (const series of r.data) {
          const m = series.metric;
          const c =
            m.container === undefined
              ? onlyContainer.get(`${m.namespace}/${m.pod}`)
              : byKey.get(`${m.namespace}/${m.pod}/${m.container}`);
          if (!c) continue;
          let a = which === 'cpu' ? c.cpuUsage : c.memoryUsage;
          if (!a || a.length !== steps) {
            a = new Float64Array(steps).fill(Number.NaN);
            if (which === 'cpu') c.cpuUsage = a;
            else c.memoryUsage = a;
          }
          for (const [t, v] of series.values) {
            const i = Math.round((t - start) / stepSeconds);
            if (i >= 0 && i < steps) a[i] = Number(v);
          }
        }
      }
    }
  }
  return gaps;
}
