/**
 * How fundamental each analyzer's findings are: a finding can only be caused by findings of a lower layer that it
 * reaches through the objects it depends on. Analyzers not listed here (configuration checks such as selectors
 * matching nothing, unused objects, RBAC) are standalone: never a symptom of anything.
 *
 * 0 nodes, storage, configuration objects, quotas and autoscaler settings · 1 pods and pod creation · 2 workloads ·
 * 3 services, budgets, autoscalers ·
 * 4 webhooks · 5 leftover warning events. An Ingress pointing at a missing Service or port is a configuration error
 * of its own, never the symptom of whatever else is broken behind the Service.
 */
export const CAUSE_LAYERS: Readonly<Record<string, number>> = {
  'node-not-ready': 0,
  'node-pressure': 0,
  'pvc-storage-class-missing': 0,
  'pvc-pending': 0,
  'configmap-missing': 0,
  'secret-missing': 0,
  'resourcequota-near-limit': 0,
  'pvc-lost': 0,
  'configmap-empty': 0,
  'hpa-missing-requests': 0,
  'hpa-scale-target-missing': 0,
  'pod-image-pull': 1,
  'pod-crash-loop': 1,
  'pod-oom-killed': 1,
  'pod-unschedulable': 1,
  'pod-readiness-probe': 1,
  'pod-liveness-probe': 1,
  'pod-restart-storm': 1,
  'pod-init-container': 1,
  'pod-container-config': 1,
  'pod-evicted': 1,
  'pod-failed': 1,
  'pod-image-inspect': 1,
  'pod-lifecycle-hook': 1,
  'pod-scheduling-gated': 1,
  'replicaset-create-failed': 1,
  'deployment-unavailable': 2,
  'deployment-rollout-stuck': 2,
  'statefulset-unavailable': 2,
  'daemonset-unavailable': 2,
  'job-failed': 2,
  'service-no-endpoints': 3,
  'pdb-no-disruption': 3,
  'hpa-scaling-inactive': 3,
  'webhook-service-missing': 4,
  'warning-events': 5,
};

/** Analyzers whose findings are about an object's own configuration and so are never a symptom. */
export const STANDALONE_LAYER = -1;

/** The layer of an analyzer's findings, or {@link STANDALONE_LAYER}. */
export function layerOf(analyzer: string): number {
  return CAUSE_LAYERS[analyzer] ?? STANDALONE_LAYER;
}
