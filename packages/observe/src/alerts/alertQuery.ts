import { type Alert, AlertSeverity, AlertState, Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';

/**
 * A query over alerts (seed 003 §3.9): clusters, states, severities, labels (every one must match), an optional
 * name, and a time window on `starts_at` (`since` inclusive, `until` exclusive). Empty lists match everything.
 */
export const AlertQuery = z.object({
  cluster_ids: z.array(Uuid).max(100).default([]),
  states: z.array(AlertState).default([]),
  severities: z.array(AlertSeverity).default([]),
  labels: z.record(z.string().min(1).max(128), z.string().max(1024)).default({}),
  alertname: z.string().min(1).max(256).optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
});
export type AlertQuery = z.infer<typeof AlertQuery>;

/** Whether `alert` is one `query` asks for. */
export function matchesAlert(alert: Alert, query: AlertQuery): boolean {
  if (query.cluster_ids.length && !(alert.cluster_id && query.cluster_ids.includes(alert.cluster_id))) return false;
  if (query.states.length && !query.states.includes(alert.state)) return false;
  if (query.severities.length && !query.severities.includes(alert.severity)) return false;
  if (query.alertname && alert.alertname !== query.alertname) return false;
  if (query.since && alert.starts_at < query.since) return false;
  if (query.until && alert.starts_at >= query.until) return false;
  return Object.entries(query.labels).every(([name, value]) => alert.labels[name] === value);
}

/**
 * Parses `name=value` label selectors as the CLI and the web take them (`severity=critical,namespace=todo`);
 * an InputError-worthy entry is returned as a message.
 */
export function parseLabelPairs(pairs: string[]): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const pair of pairs
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return { error: `label filter "${pair}" is not name=value` };
    labels[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return { labels };
}
