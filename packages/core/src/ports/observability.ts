import type { Alert } from '../models/seed003/alert.js';
import type { LogEntry, LogQuery } from '../models/seed003/logs.js';
import type { MetricQuery, MetricResult } from '../models/seed003/metrics.js';
import type { Trace, TraceQuery } from '../models/seed003/traces.js';

/** Prometheus-compatible metrics (Prometheus, Thanos, the simulated cluster). One result per cluster queried. */
export interface MetricsSource {
  query(query: MetricQuery, signal?: AbortSignal): Promise<MetricResult[]>;
}

/** Loki-compatible logs. */
export interface LogSource {
  query(query: LogQuery, signal?: AbortSignal): Promise<LogEntry[]>;
}

/** Tempo-compatible traces. */
export interface TraceSource {
  search(query: TraceQuery, signal?: AbortSignal): Promise<Trace[]>;
  getTrace(traceId: string, signal?: AbortSignal): Promise<Trace | undefined>;
}

/** Filters of {@link AlertSource.list}. */
export interface AlertFilter {
  cluster_ids?: string[];
  states?: Alert['state'][];
  severities?: Alert['severity'][];
}

/** Alertmanager-compatible alerts. */
export interface AlertSource {
  list(filter?: AlertFilter, signal?: AbortSignal): Promise<Alert[]>;
}
