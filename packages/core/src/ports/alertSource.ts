import type { Alert } from '../models/seed003/index.js';

/** Filters of {@link AlertSource.list}; a missing or empty list matches everything. */
export interface AlertFilter {
  cluster_ids?: string[];
  states?: Alert['state'][];
  severities?: Alert['severity'][];
  /** Alerts carrying every one of these labels with these values. */
  labels?: Record<string, string>;
}

/** Alertmanager-compatible alerts, read by incidents, healing rules and the dashboard. */
export interface AlertSource {
  list(filter?: AlertFilter, signal?: AbortSignal): Promise<Alert[]>;
}
