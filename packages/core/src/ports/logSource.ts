import type { LogEntry, LogQuery } from '../models/seed003/index.js';

/**
 * Loki-compatible log search across pods and clusters (for one pod's recent lines, `ClusterGateway.logs` is
 * enough). Log lines are untrusted data: label them as such before they reach a model.
 */
export interface LogSource {
  query(query: LogQuery, signal?: AbortSignal): Promise<LogEntry[]>;
}
