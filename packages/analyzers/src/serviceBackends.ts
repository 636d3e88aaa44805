import type { KubeObject } from '@opspilot/core';
import { matchesSelector } from './labelSelector.js';
import type { SnapshotIndex } from './snapshotIndex.js';

const BACKEND_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'] as const;

/** The pod-template labels of a workload. */
function templateLabels(workload: KubeObject): Record<string, string> | undefined {
  return (workload.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)?.template
    ?.metadata?.labels;
}

/**
 * The workloads (Deployments, StatefulSets, ReplicaSets no Deployment owns) of a Service's namespace whose pod
 * template its selector matches: the pods it would route to once they run.
 */
export function serviceBackends(index: SnapshotIndex, svc: KubeObject, selector: Record<string, string>): KubeObject[] {
  const ns = svc.metadata.namespace;
  const found: KubeObject[] = [];
  for (const kind of BACKEND_KINDS) {
    for (const w of index.of(kind)) {
      if (w.metadata.namespace !== ns) continue;
      if (kind === 'ReplicaSet' && index.controllerOf(w)) continue;
      if (matchesSelector(templateLabels(w), selector)) found.push(w);
    }
  }
  return found;
}

/** The replicas a workload asks for (`spec.replicas`, 1 when unset). */
export function desiredReplicas(workload: KubeObject): number {
  return (workload.spec as { replicas?: number } | undefined)?.replicas ?? 1;
}
