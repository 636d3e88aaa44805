/**
 * Where one kind lives in the Kubernetes API: its group-version, the plural used in URLs, and whether objects of it
 * belong to a namespace.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
}

const info = (kind: string, apiVersion: string, plural: string, namespaced = true): KindInfo => ({
  kind,
  apiVersion,
  plural,
  namespaced,
});

/**
 * The built-in kinds opspilot reads, at the version a 1.32 API server serves them. Kinds outside this table are
 * found through API discovery when an `apiVersion` is given.
 */
export const BUILTIN_KINDS: readonly KindInfo[] = [
  info('Namespace', 'v1', 'namespaces', false),
  info('Node', 'v1', 'nodes', false),
  info('Pod', 'v1', 'pods'),
  info('Service', 'v1', 'services'),
  info('Endpoints', 'v1', 'endpoints'),
  info('ConfigMap', 'v1', 'configmaps'),
  info('Secret', 'v1', 'secrets'),
  info('ServiceAccount', 'v1', 'serviceaccounts'),
  info('PersistentVolumeClaim', 'v1', 'persistentvolumeclaims'),
  info('PersistentVolume', 'v1', 'persistentvolumes', false),
  info('ResourceQuota', 'v1', 'resourcequotas'),
  info('LimitRange', 'v1', 'limitranges'),
  info('Event', 'v1', 'events'),
  info('ReplicationController', 'v1', 'replicationcontrollers'),
  info('Deployment', 'apps/v1', 'deployments'),
  info('ReplicaSet', 'apps/v1', 'replicasets'),
  info('StatefulSet', 'apps/v1', 'statefulsets'),
  info('DaemonSet', 'apps/v1', 'daemonsets'),
  info('ControllerRevision', 'apps/v1', 'controllerrevisions'),
  info('Job', 'batch/v1', 'jobs'),
  info('CronJob', 'batch/v1', 'cronjobs'),
  info('HorizontalPodAutoscaler', 'autoscaling/v2', 'horizontalpodautoscalers'),
  info('PodDisruptionBudget', 'policy/v1', 'poddisruptionbudgets'),
  info('Ingress', 'networking.k8s.io/v1', 'ingresses'),
  info('IngressClass', 'networking.k8s.io/v1', 'ingressclasses', false),
  info('NetworkPolicy', 'networking.k8s.io/v1', 'networkpolicies'),
  info('EndpointSlice', 'discovery.k8s.io/v1', 'endpointslices'),
  info('StorageClass', 'storage.k8s.io/v1', 'storageclasses', false),
  info('VolumeAttachment', 'storage.k8s.io/v1', 'volumeattachments', false),
  info('CSIDriver', 'storage.k8s.io/v1', 'csidrivers', false),
  info('PriorityClass', 'scheduling.k8s.io/v1', 'priorityclasses', false),
  info('Role', 'rbac.authorization.k8s.io/v1', 'roles'),
  info('RoleBinding', 'rbac.authorization.k8s.io/v1', 'rolebindings'),
  info('ClusterRole', 'rbac.authorization.k8s.io/v1', 'clusterroles', false),
  info('ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'clusterrolebindings', false),
  info('ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', false),
  info('MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', false),
  info('ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/v1', 'validatingadmissionpolicies', false),
  info(
    'ValidatingAdmissionPolicyBinding',
    'admissionregistration.k8s.io/v1',
    'validatingadmissionpolicybindings',
    false,
  ),
  info('CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'customresourcedefinitions', false),
  info('Lease', 'coordination.k8s.io/v1', 'leases'),
];

/**
 * The kinds a snapshot lists when none are named: everything the analyzers read.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
export const DEFAULT_SNAPSHOT_KINDS: readonly string[] = [
  'Namespace',
  'Node',
  'Pod',
  'Service',
  'Endpoints',
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'ResourceQuota',
  'LimitRange',
  'Event',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Ingress',
  'IngressClass',
  'NetworkPolicy',
  'StorageClass',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
];

const ALIASES: Record<string, string> = {
  pvc: 'PersistentVolumeClaim',
  pv: 'PersistentVolume',
  hpa: 'HorizontalPodAutoscaler',
  pdb: 'PodDisruptionBudget',
  svc: 'Service',
  ep: 'Endpoints',
  cm: 'ConfigMap',
  sa: 'ServiceAccount',
  ns: 'Namespace',
  no: 'Node',
  po: 'Pod',
  deploy: 'Deployment',
  rs: 'ReplicaSet',
  sts: 'StatefulSet',
  ds: 'DaemonSet',
  cj: 'CronJob',
  ing: 'Ingress',
  netpol: 'NetworkPolicy',
  sc: 'StorageClass',
  quota: 'ResourceQuota',
  limits: 'LimitRange',
  ev: 'Event',
};

/**
 * The table entry for a kind named as users write it: `Deployment`, `deployment`, `deployments`, `deploy`.
 * `undefined` for kinds outside the built-in table (or when `apiVersion` names a version the table does not hold).
 */
export function builtinKind(name: string, apiVersion?: string): KindInfo | undefined {
  const lower = name.toLowerCase();
  const canonical = ALIASES[lower]?.toLowerCase() ?? lower;
  const found = BUILTIN_KINDS.find((k) => k.kind.toLowerCase() === canonical || k.plural === canonical);
  if (!found) return undefined;
  if (apiVersion && apiVersion !== found.apiVersion) return undefined;
  return found;
}

/** The URL path of a collection (`/apis/apps/v1/namespaces/todo/deployments`) or of one object in it. */
export function resourcePath(info: KindInfo, namespace?: string, name?: string): string {
  const root = info.apiVersion.includes('/') ? `/apis/${info.apiVersion}` : `/api/${info.apiVersion}`;
  const ns = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const tail = name === undefined ? '' : `/${encodeURIComponent(name)}`;
  return `${root}${ns}/${info.plural}${tail}`;
}
