import { z } from 'zod';
import { HttpUrl, StringMap, Timestamp, Uuid } from '../common.js';

/** Severity of an alert (seed 003 §3.9). */
export const AlertSeverity = z.enum(['CRITICAL', 'WARNING', 'INFO']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

/** Lifecycle state of an alert (seed 003 §3.9). */
export const AlertState = z.enum(['FIRING', 'RESOLVED', 'PENDING']);
export type AlertState = z.infer<typeof AlertState>;

/**
 * An alert from Alertmanager or from opspilot's own rules (seed 003 §3.9). `fingerprint` identifies the same alert
 * across repeated notifications, so connectors upsert on it. Labels and annotations are untrusted cluster text.
 * @see https://prometheus.io/docs/alerting/latest/clients/
 */
export const Alert = z.object({
  id: Uuid,
  fingerprint: z.string().min(1),
  cluster_id: Uuid.optional(),
  cluster_name: z.string().optional(),
  alertname: z.string().min(1),
  severity: AlertSeverity,
  state: AlertState,
  labels: StringMap.default({}),
  annotations: StringMap.default({}),
  starts_at: Timestamp,
  ends_at: Timestamp.optional(),
  generator_url: HttpUrl.optional(),
});
export type Alert = z.infer<typeof Alert>;

/** What a connector supplies to record an {@link Alert}; the store assigns the id. */
export const NewAlert = Alert.omit({ id: true });
export type NewAlert = z.input<typeof NewAlert>;
