import type { AnomalyDetection, AnomalySeverity, AnomalyType } from '@opspilot/core';

/** The labels anomalies are filtered by (the series' labels and those the scanner adds). */
export const ANOMALY_LABEL_FILTERS = ['namespace', 'workload', 'pod', 'node', 'signal'] as const;

/** What a list of anomalies may be narrowed to beyond the stored columns: empty lists and missing labels match all. */
export interface AnomalyMatch {
  severities?: readonly AnomalySeverity[];
  types?: readonly AnomalyType[];
  labels?: Partial<Record<(typeof ANOMALY_LABEL_FILTERS)[number], string>>;
}

/** Whether `anomaly` passes `match` (the API and the CLI filter the same way). */
export function matchesAnomaly(anomaly: AnomalyDetection, match: AnomalyMatch): boolean {
  const { severities = [], types = [], labels = {} } = match;
  if (severities.length > 0 && !severities.includes(anomaly.severity)) return false;
  if (types.length > 0 && !types.includes(anomaly.anomaly_type)) return false;
  return Object.entries(labels).every(([k, v]) => v === undefined || anomaly.labels[k] === v);
}
