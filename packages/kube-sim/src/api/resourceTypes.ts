/**
 * One kind the simulated API server serves: where it lives in the API and how kubectl finds it.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  subresources?: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const RO = ['get', 'list'];
const CREATE_ONLY = ['create'];

function t(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), namespaced, verbs: RW, ...extra };
}

const ALL = { categories: ['all'] };

/** Every built-in kind the simulated cluster serves. */
export const BUILTIN_RESOURCE_TYPES: ResourceType[] = [
  t('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], subresources: ['status'] }),
  t('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'], subresources: ['status'] }),
  t('', 'v1', 'Pod', 'pods', true, { shortNames: ['po'], ...ALL, subresources: ['status', 'log'] }),
  t('', 'v1', 'Service', 'services', true, { shortNames: ['svc'], ...ALL, subresources: ['status'] }),
  t('', 'v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'], singular: 'endpoints' }),
  t('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  t('', 'v1', 'Secret', 'secrets', true),
  t('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  t('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { shortNames: ['pv'], subresources: ['status'] }),
  t('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, {
    shortNames: ['pvc'],
    subresources: ['status'],
  }),
  t('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  t('', 'v1', 'ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], subresources: ['status'] }),
  t('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  t('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
    ...ALL,
    subresources: ['status', 'scale'],
  }),
  t('apps', 'v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'], ...ALL, subresources: ['status', 'scale'] }),
  t('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    shortNames: ['sts'],
    ...ALL,
    subresources: ['status', 'scale'],
  }),
  t('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], ...ALL, subresources: ['status'] }),
  t('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  t('batch', 'v1', 'Job', 'jobs', true, { ...ALL, subresources: ['status'] }),
  t('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], ...ALL, subresources: ['status'] }),
  t('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    ...ALL,
    subresources: ['status'],
  }),
  t('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    ...ALL,
    subresources: ['status'],
  }),
  t('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, {
    shortNames: ['pdb'],
    subresources: ['status'],
  }),
  t('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], subresources: ['status'] }),
  t('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  t('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
  t('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  t('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
  t('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  t('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  t('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  t('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  t('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, { verbs: CREATE_ONLY }),
  t('authorization.k8s.io', 'v1', 'SubjectAccessReview', 'subjectaccessreviews', false, { verbs: CREATE_ONLY }),
  t('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    shortNames: ['crd', 'crds'],
    subresources: ['status'],
  }),
  t('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  t('events.k8s.io', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  t('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, { verbs: RO, singular: 'podmetrics' }),
  t('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, { verbs: RO, singular: 'nodemetrics' }),
];

/** `apps/v1` style apiVersion of a resource type (`v1` for the core group). */
export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
