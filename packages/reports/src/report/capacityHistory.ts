import type { MetricQuery, MetricsSource, ReportPeriod } from '@opspilot/core';

/** The six series of a capacity history, each a PromQL expression summing over a cluster. */
export type CapacityQueries = Record<
  'cpu_requests' | 'memory_requests' | 'cpu_allocatable' | 'memory_allocatable' | 'cpu_usage' | 'memory_usage',
  string
>;

/** One point of a capacity series: CPU in cores, memory in GiB. */
export interface CapacityPoint {
  at: string;
  cpu: number;
  memory_gib: number;
}

/** What {@link readCapacityHistory} found: requests, usage and allocatable over the period, and what failed. */
export interface CapacityHistory {
  requests: CapacityPoint[];
  usage: CapacityPoint[];
  allocatable: CapacityPoint[];
  /** Why a series could not be read (per cluster), for the report to say. */
  errors: string[];
}

const GIB = 1024 ** 3;

/** Sums the values of every series of every cluster per timestamp (unix seconds). */
async function summed(
  metrics: MetricsSource,
  query: Omit<MetricQuery, 'query'>,
  promql: string,
  errors: string[],
  signal?: AbortSignal,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  let results: Awaited<ReturnType<MetricsSource['query']>>;
  try {
    results = await metrics.query({ ...query, query: promql }, signal);
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
    return out;
  }
  for (const r of results) {
    if (r.status !== 'SUCCESS') {
      errors.push(`${r.cluster_name}: ${r.error ?? r.status}`);
      continue;
    }
    for (const s of r.data)
      for (const [t, v] of s.values) {
        const value = Number(v);
        if (Number.isFinite(value)) out.set(t, (out.get(t) ?? 0) + value);
      }
  }
  return out;
}

/** The points where both CPU and memory have a value, oldest first. */
function pointsOf(cpu: Map<number, number>, memory: Map<number, number>, memoryScale: number): CapacityPoint[] {
  return [...cpu.keys()]
    .filter((t) => memory.has(t))
    .sort((a, b) => a - b)
    .map((t) => ({
      at: new Date(t * 1000).toISOString(),
      cpu: cpu.get(t) as number,
      memory_gib: (memory.get(t) as number) / memoryScale,
    }));
}

/**
 * Reads the history of CPU and memory requests, usage and allocatable over `period` through the MetricsSource port
 * (Prometheus, or the built-in sampler behind an adapter), about `points` steps (at least a minute each), summed over
 * the clusters asked. A series that cannot be read is empty and its reason is in `errors`; an empty history means the
 * trend stays unknown.
 */
export async function readCapacityHistory(
  metrics: MetricsSource,
  queries: CapacityQueries,
  request: { period: ReportPeriod; clusterIds: string[]; points?: number; maxRangeSeconds?: number },
  signal?: AbortSignal,
): Promise<CapacityHistory> {
  const start = Date.parse(request.period.start);
  const end = Date.parse(request.period.end);
  const stepSeconds = Math.max(60, Math.ceil((end - start) / 1000 / (request.points ?? 240) / 60) * 60);
  // A period longer than the source's longest range is read in windows of whole steps, one after the other.
  const windowMs = Math.max(1, Math.floor((request.maxRangeSeconds ?? 7 * 86_400) / stepSeconds)) * stepSeconds * 1000;
  const windows: Omit<MetricQuery, 'query'>[] = [];
  for (let from = start; from <= end; from += windowMs + stepSeconds * 1000) {
    windows.push({
      cluster_ids: request.clusterIds,
      start_time: new Date(from).toISOString(),
      end_time: new Date(Math.min(end, from + windowMs)).toISOString(),
      step: `${stepSeconds}s`,
      timeout: 60,
    });
  }
  const errors: string[] = [];
  const [cpuReq, memReq, cpuAlloc, memAlloc, cpuUse, memUse] = await Promise.all(
    (
      ['cpu_requests', 'memory_requests', 'cpu_allocatable', 'memory_allocatable', 'cpu_usage', 'memory_usage'] as const
    ).map(async (key) => {
      const merged = new Map<number, number>();
      for (const w of windows)
        for (const [t, v] of await summed(metrics, w, queries[key], errors, signal)) merged.set(t, v);
      return merged;
    }),
  );
  return {
    requests: pointsOf(cpuReq as Map<number, number>, memReq as Map<number, number>, GIB),
    allocatable: pointsOf(cpuAlloc as Map<number, number>, memAlloc as Map<number, number>, GIB),
    usage: pointsOf(cpuUse as Map<number, number>, memUse as Map<number, number>, GIB),
    errors: [...new Set(errors)],
  };
}
