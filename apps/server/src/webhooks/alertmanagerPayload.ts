import type { AlertSeverity, NewAlert } from '@opspilot/core';
import { z } from 'zod';

const Labels = z.record(z.string(), z.string()).default({});

/**
 * One alert of an Alertmanager webhook notification (version 4).
 * @see https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 */
export const AlertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: Labels,
  annotations: Labels,
  startsAt: z.string(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1),
});
export type AlertmanagerAlert = z.infer<typeof AlertmanagerAlert>;

/** The body Alertmanager POSTs to a webhook receiver (version 4). */
export const AlertmanagerWebhook = z.object({
  version: z.literal('4'),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: Labels,
  commonLabels: Labels,
  commonAnnotations: Labels,
  externalURL: z.string(),
  alerts: z.array(AlertmanagerAlert).max(10_000),
});
export type AlertmanagerWebhook = z.infer<typeof AlertmanagerWebhook>;

const SEVERITY: Record<string, AlertSeverity> = {
  critical: 'CRITICAL',
  error: 'CRITICAL',
  page: 'CRITICAL',
  warning: 'WARNING',
  warn: 'WARNING',
};

/** An RFC 3339 time as a UTC ISO timestamp; Alertmanager's zero time (`0001-01-01…`) and garbage become undefined. */
function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function httpUrlOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Converts one Alertmanager alert to opspilot's {@link NewAlert} (seed 003 §3.9): `severity` label
 * critical/warning/other → CRITICAL/WARNING/INFO; a resolved alert keeps its `endsAt`, a firing one has none.
 */
export function toNewAlert(alert: AlertmanagerAlert, cluster: { id?: string; name?: string }, now: Date): NewAlert {
  const state = alert.status === 'firing' ? 'FIRING' : 'RESOLVED';
  return {
    fingerprint: alert.fingerprint,
    cluster_id: cluster.id,
    cluster_name: cluster.name,
    alertname: alert.labels.alertname || 'unnamed',
    severity: SEVERITY[(alert.labels.severity ?? '').toLowerCase()] ?? 'INFO',
    state,
    labels: alert.labels,
    annotations: alert.annotations,
    starts_at: isoOrUndefined(alert.startsAt) ?? now.toISOString(),
    ends_at: state === 'RESOLVED' ? (isoOrUndefined(alert.endsAt) ?? now.toISOString()) : undefined,
    generator_url: httpUrlOrUndefined(alert.generatorURL),
  };
}
