import type {
  Alert,
  AlertSeverity,
  AnomalyDetection,
  AnomalySeverity,
  Finding,
  ObjectRef,
  Severity,
} from '@opspilot/core';
import type { Signal } from './signal.js';

const ALERT_SEVERITY: Record<AlertSeverity, Severity> = { CRITICAL: 'CRITICAL', WARNING: 'MEDIUM', INFO: 'LOW' };
const ANOMALY_SEVERITY: Record<AnomalySeverity, Severity> = { HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' };

/** Label names that name an object, most specific first, as kube-state-metrics and cAdvisor spell them. */
const OBJECT_LABELS: [label: string, kind: string][] = [
  ['pod', 'Pod'],
  ['deployment', 'Deployment'],
  // @opspilot/anomaly names a pod's or workload's owner `workload` (a Deployment by the controllers' naming).
  ['workload', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['job_name', 'Job'],
  ['cronjob', 'CronJob'],
  ['service', 'Service'],
  ['persistentvolumeclaim', 'PersistentVolumeClaim'],
  ['node', 'Node'],
];

/**
 * The object a label set names (`{ namespace: 'todo', pod: 'backend-7d9' }` → Pod todo/backend-7d9), or undefined.
 * An explicit `kind` + `name` pair (opspilot's own rules) wins over the kube-state-metrics labels.
 */
export function resourceOfLabels(labels: Record<string, string>): ObjectRef | undefined {
  const namespace = labels.namespace || labels.exported_namespace || undefined;
  if (labels.kind && labels.name) return { kind: labels.kind, name: labels.name, ...(namespace ? { namespace } : {}) };
  for (const [label, kind] of OBJECT_LABELS) {
    const name = labels[label];
    if (!name) continue;
    if (kind === 'Node') return { kind, name };
    if (namespace) return { kind, name, namespace };
  }
  return undefined;
}

/** A stored alert as a signal: FIRING or PENDING fire, RESOLVED clears (at `ends_at`). */
export function signalFromAlert(alert: Alert): Signal {
  const resource = resourceOfLabels(alert.labels);
  return {
    source: 'ALERT',
    fingerprint: alert.fingerprint,
    cluster_id: alert.cluster_id,
    title: alert.annotations.summary || alert.alertname,
    severity: ALERT_SEVERITY[alert.severity],
    state: alert.state === 'RESOLVED' ? 'CLEARED' : 'FIRING',
    ...(resource ? { resource } : {}),
    labels: { ...alert.labels, alertname: alert.alertname },
    at: alert.state === 'RESOLVED' && alert.ends_at ? alert.ends_at : alert.starts_at,
    ref_id: alert.id,
  };
}

/** An anomaly (seed 003 §5.6) as a firing signal; its fingerprint is its metric and labels, so repeats merge. */
export function signalFromAnomaly(anomaly: AnomalyDetection): Signal {
  const resource = resourceOfLabels(anomaly.labels);
  const labels = Object.entries(anomaly.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return {
    source: 'ANOMALY',
    fingerprint: `${anomaly.metric_name}{${labels}}`,
    cluster_id: anomaly.cluster_id,
    title: anomaly.explanation || `${anomaly.anomaly_type.toLowerCase()} in ${anomaly.metric_name}`,
    severity: ANOMALY_SEVERITY[anomaly.severity],
    state: 'FIRING',
    ...(resource ? { resource } : {}),
    labels: { ...anomaly.labels, metric: anomaly.metric_name, anomaly_type: anomaly.anomaly_type },
    at: anomaly.detected_at,
    ref_id: anomaly.id,
  };
}

/**
 * An analyzer finding as a signal: FIRING while the analyzers report it (`state` CLEARED once a later run no longer
 * does). INFO findings are not signals; LOW and MEDIUM ones are, at their own severity.
 */
export function signalFromFinding(
  finding: Finding,
  at: string,
  clusterId?: string,
  state: Signal['state'] = 'FIRING',
): Signal | undefined {
  if (finding.severity === 'INFO') return undefined;
  return {
    source: 'FINDING',
    fingerprint: finding.id,
    cluster_id: clusterId,
    title: finding.message.slice(0, 500),
    severity: finding.severity,
    state,
    resource: finding.resource,
    labels: { analyzer: finding.analyzer },
    at,
  };
}
