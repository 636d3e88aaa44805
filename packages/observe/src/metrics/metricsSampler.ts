import type { Clock, ResourceUsage } from '@opspilot/core';
import type { BuiltinExpr, StoredSeries } from './builtinExpr.js';
import { evaluateAt, evaluateRange } from './builtinExpr.js';
import { parseExposition } from './parseExposition.js';
import { SampleWindow } from './sampleWindow.js';

/** Where a sampler reads one cluster: metrics.k8s.io through the gateway, and optionally Prometheus expositions. */
export interface SamplerSources {
  podMetrics(options?: { signal?: AbortSignal }): Promise<ResourceUsage[]>;
  nodeMetrics(options?: { signal?: AbortSignal }): Promise<ResourceUsage[]>;
  /**
   * Text expositions to scrape besides (for the simulated cluster: `/metrics/cadvisor`, `/metrics/kube-state`,
   * `/metrics/apps`); each resolves to the text of one scrape.
   */
  scrapes?: (() => Promise<string>)[];
}

/** Options of {@link createMetricsSampler}. */
export interface MetricsSamplerOptions {
  sources: SamplerSources;
  clock: Clock;
  /** Milliseconds between samples (default 15 s). */
  intervalMs?: number;
  /** How far back samples are kept (default 6 h); with the interval this sizes every series' ring. */
  windowMs?: number;
  /** Most series kept; new series beyond it are dropped and counted (default 20,000). */
  maxSeries?: number;
  /** Told of a failed sample (the sampler keeps going). */
  onError?: (error: unknown) => void;
}

/**
 * The built-in metrics source of the embedded default: samples a cluster's `metrics.k8s.io` (pod and node CPU and
 * memory, as `pod_cpu_usage_cores`, `pod_memory_working_set_bytes`, `node_cpu_usage_cores`,
 * `node_memory_working_set_bytes`) and the expositions it is given (the simulated cluster's cAdvisor, kube-state and
 * application series, under their own names) every `intervalMs`, keeping a bounded window. It answers the
 * {@link BuiltinExpr} of the named queries; it is not a PromQL engine — point opspilot at a Prometheus for PromQL.
 */
export interface MetricsSampler {
  /** Takes one sample now (the timer calls it; tests call it after moving the clock). */
  sampleOnce(signal?: AbortSignal): Promise<void>;
  start(): void;
  stop(): void;
  /** Number of series kept, and of new series dropped at the limit. */
  stats(): { series: number; dropped: number; samples: number; lastSampleAt?: Date };
  /** Evaluates at one moment (unix ms). */
  instant(expr: BuiltinExpr, at: number): { labels: Record<string, string>; value: number }[];
  /** Evaluates over [start, end] (unix ms) at `stepMs`. */
  range(expr: BuiltinExpr, start: number, end: number, stepMs: number): ReturnType<typeof evaluateRange>;
}

/** Creates a {@link MetricsSampler}; call `start()` to sample on a timer. */
export function createMetricsSampler(options: MetricsSamplerOptions): MetricsSampler {
  const intervalMs = options.intervalMs ?? 15_000;
  const capacity = Math.max(2, Math.ceil((options.windowMs ?? 6 * 3600_000) / intervalMs) + 1);
  const maxSeries = options.maxSeries ?? 20_000;
  const byMetric = new Map<string, Map<string, StoredSeries>>();
  let count = 0;
  let dropped = 0;
  let samples = 0;
  let lastSampleAt: Date | undefined;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;

  const record = (metric: string, labels: Record<string, string>, time: number, value: number) => {
    let series = byMetric.get(metric);
    if (!series) {
      series = new Map();
      byMetric.set(metric, series);
    }
    const key = JSON.stringify(labels);
    let s = series.get(key);
    if (!s) {
      if (count >= maxSeries) {
        dropped++;
        return key;
      }
      s = { labels, window: new SampleWindow(capacity) };
      series.set(key, s);
      count++;
    }
    s.window.push(time, value);
    samples++;
    return key;
  };
  // The series each exposition had at its last scrape: those missing from the next one are marked stale (NaN), as
  // Prometheus does, so a series that ended (a pod gone, a GPU changing hands) stops answering at once rather than
  // for the whole lookback.
  const lastScraped: Map<string, Set<string>>[] = [];
  const markStale = (metric: string, key: string, time: number) =>
    byMetric.get(metric)?.get(key)?.window.push(time, Number.NaN);
  const lookup = (metric: string) => byMetric.get(metric)?.values() ?? [];

  async function sampleOnce(signal?: AbortSignal): Promise<void> {
    const time = options.clock.now().getTime();
    const [pods, nodes, ...texts] = await Promise.allSettled([
      options.sources.podMetrics({ signal }),
      options.sources.nodeMetrics({ signal }),
      ...(options.sources.scrapes ?? []).map((scrape) => scrape()),
    ]);
    for (const r of [pods, nodes, ...texts]) if (r?.status === 'rejected') options.onError?.(r.reason);
    if (pods?.status === 'fulfilled') {
      for (const u of pods.value) {
        const labels = { namespace: u.ref.namespace ?? '', pod: u.ref.name };
        record('pod_cpu_usage_cores', labels, time, u.cpuMillicores / 1000);
        record('pod_memory_working_set_bytes', labels, time, u.memoryBytes);
      }
    }
    if (nodes?.status === 'fulfilled') {
      for (const u of nodes.value) {
        record('node_cpu_usage_cores', { node: u.ref.name }, time, u.cpuMillicores / 1000);
        record('node_memory_working_set_bytes', { node: u.ref.name }, time, u.memoryBytes);
      }
    }
    texts.forEach((r, i) => {
      if (r.status !== 'fulfilled') return;
      const seen = new Map<string, Set<string>>();
      for (const s of parseExposition(r.value as string)) {
        const key = record(s.name, s.labels, time, s.value);
        let keys = seen.get(s.name);
        if (!keys) {
          keys = new Set();
          seen.set(s.name, keys);
        }
        keys.add(key);
      }
      for (const [metric, keys] of lastScraped[i] ?? []) {
        for (const key of keys) if (!seen.get(metric)?.has(key)) markStale(metric, key, time);
      }
      lastScraped[i] = seen;
    });
    lastSampleAt = new Date(time);
  }

  return {
    sampleOnce,
    start() {
      if (timer) return;
      const tick = () => {
        // A slow cluster does not pile samples up: a tick is skipped while the previous one runs.
        if (busy) return;
        busy = true;
        sampleOnce()
          .catch((error: unknown) => options.onError?.(error))
          .finally(() => {
            busy = false;
          });
      };
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    stats: () => ({ series: count, dropped, samples, ...(lastSampleAt ? { lastSampleAt } : {}) }),
    instant: (expr, at) => [...evaluateAt(expr, lookup, at).values()],
    range: (expr, start, end, stepMs) => evaluateRange(expr, lookup, start, end, stepMs),
  };
}
