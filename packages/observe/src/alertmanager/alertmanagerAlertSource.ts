import { createHash } from 'node:crypto';
import type { Alert, AlertFilter, AlertSource } from '@opspilot/core';
import { AlertQuery, matchesAlert } from '../alerts/alertQuery.js';
import type { AlertmanagerClient } from './alertmanagerClient.js';
import type { GettableAlert } from './alertmanagerSchemas.js';

const SEVERITY: Record<string, Alert['severity']> = {
  critical: 'CRITICAL',
  error: 'CRITICAL',
  page: 'CRITICAL',
  warning: 'WARNING',
  warn: 'WARNING',
};

/** A stable UUID (v4-shaped) for an alert that has no stored id: derived from its fingerprint. */
function idOf(fingerprint: string): string {
  const h = createHash('sha256').update(fingerprint).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16] ?? '0', 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const iso = (value: string | undefined) => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) || (value ?? '').startsWith('0001-') ? undefined : new Date(ms).toISOString();
};

/**
 * One live Alertmanager alert as an opspilot {@link Alert}: `active` and `suppressed` (silenced or inhibited) are
 * FIRING, `unprocessed` is PENDING; the silences and inhibitions are kept as the `silenced_by` / `inhibited_by`
 * annotations. The cluster comes from the `cluster` label.
 */
export function fromAlertmanager(
  alert: GettableAlert,
  clusterIdOf: (name: string) => string | undefined = () => undefined,
): Alert {
  const cluster = alert.labels.cluster;
  const clusterId = cluster ? clusterIdOf(cluster) : undefined;
  const annotations = { ...alert.annotations };
  if (alert.status.silencedBy.length) annotations.silenced_by = alert.status.silencedBy.join(',');
  if (alert.status.inhibitedBy.length) annotations.inhibited_by = alert.status.inhibitedBy.join(',');
  const generator = alert.generatorURL && /^https?:\/\//.test(alert.generatorURL) ? alert.generatorURL : undefined;
  return {
    id: idOf(alert.fingerprint),
    fingerprint: alert.fingerprint,
    ...(clusterId ? { cluster_id: clusterId } : {}),
    ...(cluster ? { cluster_name: cluster } : {}),
    alertname: alert.labels.alertname || 'unnamed',
    severity: SEVERITY[(alert.labels.severity ?? '').toLowerCase()] ?? 'INFO',
    state: alert.status.state === 'unprocessed' ? 'PENDING' : 'FIRING',
    labels: alert.labels,
    annotations,
    starts_at: iso(alert.startsAt) ?? new Date(0).toISOString(),
    ...(generator ? { generator_url: generator } : {}),
  };
}

/**
 * The `AlertSource` over a live Alertmanager: what is firing now (silenced ones included, marked), filtered like
 * stored alerts. `clusterIdOf` maps a `cluster` label to a registered cluster's id.
 */
export function createAlertmanagerAlertSource(
  client: AlertmanagerClient,
  clusterIdOf?: (name: string) => string | undefined,
): AlertSource {
  return {
    async list(filter: AlertFilter = {}, signal?: AbortSignal) {
      const query = AlertQuery.parse({
        cluster_ids: filter.cluster_ids ?? [],
        states: filter.states ?? [],
        severities: filter.severities ?? [],
        labels: filter.labels ?? {},
      });
      const alerts = await client.alerts({ signal });
      return alerts.map((a) => fromAlertmanager(a, clusterIdOf)).filter((a) => matchesAlert(a, query));
    },
  };
}
