/** Kinds the planner knows, with their API version and whether they live in a namespace. */
export const KINDS = {
  Deployment: { apiVersion: 'apps/v1', namespaced: true, plural: 'deployments' },
  StatefulSet: { apiVersion: 'apps/v1', namespaced: true, plural: 'statefulsets' },
  DaemonSet: { apiVersion: 'apps/v1', namespaced: true, plural: 'daemonsets' },
  ReplicaSet: { apiVersion: 'apps/v1', namespaced: true, plural: 'replicasets' },
  Pod: { apiVersion: 'v1', namespaced: true, plural: 'pods' },
  Service: { apiVersion: 'v1', namespaced: true, plural: 'services' },
  ConfigMap: { apiVersion: 'v1', namespaced: true, plural: 'configmaps' },
  Secret: { apiVersion: 'v1', namespaced: true, plural: 'secrets' },
  Namespace: { apiVersion: 'v1', namespaced: false, plural: 'namespaces' },
  Node: { apiVersion: 'v1', namespaced: false, plural: 'nodes' },
  PersistentVolumeClaim: { apiVersion: 'v1', namespaced: true, plural: 'persistentvolumeclaims' },
  PersistentVolume: { apiVersion: 'v1', namespaced: false, plural: 'persistentvolumes' },
  HorizontalPodAutoscaler: { apiVersion: 'autoscaling/v2', namespaced: true, plural: 'horizontalpodautoscalers' },
  Job: { apiVersion: 'batch/v1', namespaced: true, plural: 'jobs' },
  CronJob: { apiVersion: 'batch/v1', namespaced: true, plural: 'cronjobs' },
  Ingress: { apiVersion: 'networking.k8s.io/v1', namespaced: true, plural: 'ingresses' },
  Event: { apiVersion: 'v1', namespaced: true, plural: 'events' },
  ServiceAccount: { apiVersion: 'v1', namespaced: true, plural: 'serviceaccounts' },
  Role: { apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: true, plural: 'roles' },
  RoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: true, plural: 'rolebindings' },
  ClusterRole: { apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: false, plural: 'clusterroles' },
  ClusterRoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: false, plural: 'clusterrolebindings' },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', namespaced: true, plural: 'networkpolicies' },
  ResourceQuota: { apiVersion: 'v1', namespaced: true, plural: 'resourcequotas' },
  PodDisruptionBudget: { apiVersion: 'policy/v1', namespaced: true, plural: 'poddisruptionbudgets' },
} as const;

/** A kind the planner knows. */
export type KnownKind = keyof typeof KINDS;

/** Workload kinds searched when a scale request names no kind (a ReplicaSet only when named: its Deployment owns it). */
export const SCALABLE_KINDS: KnownKind[] = ['Deployment', 'StatefulSet'];

/** Workload kinds with a pod template (image, env, resources, restart, logs). */
export const WORKLOAD_KINDS: KnownKind[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

const WORDS: Record<string, KnownKind> = {
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  deploys: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  daemonsets: 'DaemonSet',
  ds: 'DaemonSet',
  replicaset: 'ReplicaSet',
  replicasets: 'ReplicaSet',
  rs: 'ReplicaSet',
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  service: 'Service',
  services: 'Service',
  svc: 'Service',
  configmap: 'ConfigMap',
  configmaps: 'ConfigMap',
  cm: 'ConfigMap',
  config: 'ConfigMap',
  secret: 'Secret',
  secrets: 'Secret',
  namespace: 'Namespace',
  namespaces: 'Namespace',
  ns: 'Namespace',
  node: 'Node',
  nodes: 'Node',
  pvc: 'PersistentVolumeClaim',
  pvcs: 'PersistentVolumeClaim',
  persistentvolumeclaim: 'PersistentVolumeClaim',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  claim: 'PersistentVolumeClaim',
  volume: 'PersistentVolumeClaim',
  volumes: 'PersistentVolumeClaim',
  pv: 'PersistentVolume',
  pvs: 'PersistentVolume',
  hpa: 'HorizontalPodAutoscaler',
  hpas: 'HorizontalPodAutoscaler',
  autoscaler: 'HorizontalPodAutoscaler',
  horizontalpodautoscaler: 'HorizontalPodAutoscaler',
  autoscalers: 'HorizontalPodAutoscaler',
  job: 'Job',
  jobs: 'Job',
  cronjob: 'CronJob',
  cronjobs: 'CronJob',
  cj: 'CronJob',
  ingress: 'Ingress',
  ingresses: 'Ingress',
  ing: 'Ingress',
  event: 'Event',
  events: 'Event',
  serviceaccount: 'ServiceAccount',
  sa: 'ServiceAccount',
  role: 'Role',
  roles: 'Role',
  rolebinding: 'RoleBinding',
  rolebindings: 'RoleBinding',
  clusterrole: 'ClusterRole',
  clusterroles: 'ClusterRole',
  clusterrolebinding: 'ClusterRoleBinding',
  networkpolicy: 'NetworkPolicy',
  networkpolicies: 'NetworkPolicy',
  netpol: 'NetworkPolicy',
  netpols: 'NetworkPolicy',
  quota: 'ResourceQuota',
  quotas: 'ResourceQuota',
  resourcequota: 'ResourceQuota',
  pdb: 'PodDisruptionBudget',
  pdbs: 'PodDisruptionBudget',
  serviceaccounts: 'ServiceAccount',
};

/** The kind a word names (`svc`, `deployments`, `pvc`), if any. */
export function kindOfWord(word: string): KnownKind | undefined {
  return WORDS[word.toLowerCase().replace(/[^a-z]/g, '')];
}

/** The API version of a kind (`apps/v1` for Deployment). */
export function apiVersionOf(kind: string): string {
  return (KINDS as Record<string, { apiVersion: string }>)[kind]?.apiVersion ?? 'v1';
}

/** Whether objects of `kind` live in a namespace. */
export function isNamespaced(kind: string): boolean {
  return (KINDS as Record<string, { namespaced: boolean }>)[kind]?.namespaced ?? true;
}
