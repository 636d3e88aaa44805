/**
 * The kinds the live model keeps per cluster: what the cluster browser shows, what the analyzers read and what
 * capability detection looks at. Secrets are left out on purpose: their values have no place in memory here.
 */
export const FLEET_KINDS: readonly string[] = [
  'Node',
  'Namespace',
  'Pod',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'Service',
  'Endpoints',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'ConfigMap',
  'HorizontalPodAutoscaler',
  'CustomResourceDefinition',
  'Event',
];

/** Kubernetes Events kept per cluster by default; the oldest go first. */
export const DEFAULT_EVENT_LIMIT = 1_000;
