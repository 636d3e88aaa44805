import type { AnomalyDetection, Finding, Incident, ObjectRef } from '@opspilot/core';
import type { HealingScope, TriggerSeverity } from './healingPolicy.js';

/** Condition types that are not finding classes: a rule of one acts on what an anomaly or an incident is about. */
export const TRIGGER_TYPES = ['anomaly', 'incident'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** Whether a rule's condition type is an anomaly or incident trigger (else it is an analyzer finding class). */
export const isTriggerType = (type: string): type is TriggerType => (TRIGGER_TYPES as readonly string[]).includes(type);

/** Where anomaly and incident triggers are read from (the server wires the anomaly store and the incidents). */
export interface TriggerSources {
  /** Anomalies detected on this cluster since `since` (`store.anomalies`, fed by `@opspilot/anomaly`). */
  anomalies?(since: Date): Promise<AnomalyDetection[]>;
  /** Incidents of this cluster that are not resolved (`store.incidents`, kept by `@opspilot/incidents`). */
  incidents?(): Promise<Incident[]>;
}

/** What made a rule act: the object it is about and the anomaly, incident or finding that pointed at it. */
export interface Trigger {
  kind: 'finding' | 'anomaly' | 'incident';
  /** The anomaly's, incident's or finding's id. */
  id: string;
  ref: ObjectRef;
  /** One line for the history, e.g. `anomaly HIGH of container_memory_working_set_bytes`. */
  summary: string;
  incident_id?: string;
  finding?: Finding;
}

const RANK: Record<TriggerSeverity, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/** Labels naming an object, most specific first, with the kind they name. */
const OBJECT_LABELS: [string, string][] = [
  ['deployment', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['pod', 'Pod'],
  ['service', 'Service'],
  ['persistentvolumeclaim', 'PersistentVolumeClaim'],
  ['workload', 'Deployment'],
  ['app', 'Deployment'],
];

/** The object an anomaly's labels name (`namespace` plus `deployment`, `pod`, `app`, …), if any. */
export function refOfLabels(labels: Record<string, string>): ObjectRef | undefined {
  const namespace = labels.namespace;
  if (!namespace) return undefined;
  for (const [label, kind] of OBJECT_LABELS) if (labels[label]) return { kind, name: labels[label]!, namespace };
  return undefined;
}

/**
 * The anomalies that trigger an `anomaly` rule now: detected within its `within_seconds`, of one of its metrics (any
 * when none are listed), at least its `min_severity`, about an object in one of its namespaces — one trigger per
 * object, the newest anomaly first.
 */
export function anomalyTriggers(anomalies: AnomalyDetection[], scope: HealingScope, now: Date): Trigger[] {
  const from = now.getTime() - scope.within_seconds * 1000;
  const seen = new Map<string, Trigger>();
  const sorted = [...anomalies].sort((a, b) => b.detected_at.localeCompare(a.detected_at));
  for (const a of sorted) {
    const ref = refOfLabels(a.labels);
    if (!ref || !scope.namespaces.includes(ref.namespace!)) continue;
    if (new Date(a.detected_at).getTime() < from) continue;
    if (scope.metrics.length > 0 && !scope.metrics.includes(a.metric_name)) continue;
    if (RANK[a.severity] < RANK[scope.min_severity]) continue;
    const key = `${ref.kind}/${ref.namespace}/${ref.name}`;
    if (!seen.has(key)) {
      seen.set(key, {
        kind: 'anomaly',
        id: a.id,
        ref,
        summary: `anomaly ${a.severity} of ${a.metric_name} (${a.anomaly_type}): ${a.explanation}`.slice(0, 300),
      });
    }
  }
  return [...seen.values()];
}

/**
 * The incidents that trigger an `incident` rule now: not resolved, at least its `min_severity`, one trigger per
 * affected resource in one of its namespaces.
 */
export function incidentTriggers(incidents: Incident[], scope: HealingScope): Trigger[] {
  const triggers: Trigger[] = [];
  for (const incident of incidents) {
    if (incident.status === 'RESOLVED' || incident.status === 'CLOSED') continue;
    if (RANK[incident.severity] < RANK[scope.min_severity]) continue;
    for (const r of incident.affected_resources) {
      if (!r.namespace || !scope.namespaces.includes(r.namespace)) continue;
      triggers.push({
        kind: 'incident',
        id: incident.id,
        incident_id: incident.id,
        ref: { kind: r.kind, name: r.name, namespace: r.namespace },
        summary: `incident ${incident.severity}: ${incident.title}`.slice(0, 300),
      });
    }
  }
  return triggers;
}
