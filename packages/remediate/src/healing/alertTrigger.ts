import type { Finding } from '@opspilot/core';
import { baseName } from '../fixRequest.js';

/** A firing alert as a healing rule reads it: its name and labels. */
export interface FiringAlert {
  alertname: string;
  labels: Record<string, string>;
}

/** Labels an alert names its workload or object by (kube-state-metrics and common rule conventions). */
const OBJECT_LABELS = [
  'pod',
  'deployment',
  'statefulset',
  'daemonset',
  'workload',
  'app',
  'service',
  'persistentvolumeclaim',
];

/**
 * Whether one of the named alerts fires about a finding's object: same namespace, and a label naming the object or
 * its workload (`pod`, `deployment`, `app`, …). A rule with alert triggers acts only on such findings.
 */
export function alertFiresFor(finding: Finding, names: string[], firing: FiringAlert[]): boolean {
  const { name, namespace } = finding.resource;
  const workload = baseName(name);
  return firing.some(
    (a) =>
      names.includes(a.alertname) &&
      a.labels.namespace === namespace &&
      OBJECT_LABELS.some((l) => a.labels[l] === name || a.labels[l] === workload),
  );
}
