/**
 * A column a custom resource adds to `kubectl get` (a CRD's `additionalPrinterColumns`).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

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
  /**
   * Where objects of this type are stored when another group-version holds them (as `events.k8s.io/v1` Events
   * live in core `v1`, and `autoscaling/v1` HPAs in `autoscaling/v2`): both names then show the same objects,
   * converted on the way in and out.
   */
  storage?: { group: string; version: string };
  /** Extra `kubectl get` columns of a custom resource. */
  printerColumns?: PrinterColumn[];
  /** The OpenAPI v3 schema of a custom resource version (`schema.openAPIV3Schema` of its CRD). */
  openApiSchema?: Record<string, unknown>;
  /** Whether objects carry a `metadata.generation` that rises when their desired state changes. */
  generation?: boolean;
  /** JSON paths of a custom resource's `scale` subresource. */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
}

/**
 * Every verb of a read-write resource.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export const READ_WRITE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_ONLY = ['get', 'list'];
const CREATE_ONLY = ['create'];

function t(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extra: Partial<ResourceType> = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: READ_WRITE_VERBS,
    ...(GENERATION.has(kind) ? { generation: true } : {}),
    ...extra,
  };
}

/** The `all` category: what `kubectl get all` lists. */
const ALL = { categories: ['all'] };
const STATUS = { subresources: ['status'] };
const SCALE = { subresources: ['status', 'scale'] };
/** Kinds whose strategy sets `metadata.generation` on a real server. */
const GENERATION = new Set([
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
  'EndpointSlice',
  'CustomResourceDefinition',
]);

/**
 * Every built-in kind the simulated cluster serves, with the short names, categories and subresources a real
 * v1.32 API server lists for it.
 * @see https://kubernetes.io/docs/reference/kubectl/#resource-types
 */
export const BUILTIN_RESOURCE_TYPES: ResourceType[] = [
  t('', 'v1', 'Namespace', 'namespaces', false, { shortNames: ['ns'], ...STATUS }),
  t('', 'v1', 'Node', 'nodes', false, { shortNames: ['no'], ...STATUS }),
  t('', 'v1', 'Pod', 'pods', true, {
    shortNames: ['po'],
    ...ALL,
    subresources: ['status', 'log', 'binding', 'eviction', 'exec', 'attach', 'portforward'],
  }),
  t('', 'v1', 'Service', 'services', true, { shortNames: ['svc'], ...ALL, ...STATUS }),
  t('', 'v1', 'Endpoints', 'endpoints', true, { shortNames: ['ep'], singular: 'endpoints' }),
  t('', 'v1', 'ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  t('', 'v1', 'Secret', 'secrets', true),
  t('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  t('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { shortNames: ['pv'], ...STATUS }),
  t('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, { shortNames: ['pvc'], ...STATUS }),
  t('', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  t('', 'v1', 'ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], ...STATUS }),
  t('', 'v1', 'LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  t('apps', 'v1', 'Deployment', 'deployments', true, { shortNames: ['deploy'], ...ALL, ...SCALE }),
  t('apps', 'v1', 'ReplicaSet', 'replicasets', true, { shortNames: ['rs'], ...ALL, ...SCALE }),
  t('apps', 'v1', 'StatefulSet', 'statefulsets', true, { shortNames: ['sts'], ...ALL, ...SCALE }),
  t('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], ...ALL, ...STATUS }),
  t('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  t('batch', 'v1', 'Job', 'jobs', true, { ...ALL, ...STATUS }),
  t('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], ...ALL, ...STATUS }),
  t('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    ...ALL,
    ...STATUS,
  }),
  t('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    ...ALL,
    ...STATUS,
    storage: { group: 'autoscaling', version: 'v2' },
  }),
  t('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, { shortNames: ['pdb'], ...STATUS }),
  t('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], ...STATUS }),
  t('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  t('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'] }),
  t('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  t('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
  t('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, { shortNames: ['pc'] }),
  t('admissionregistration.k8s.io', 'v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', false, {
    categories: ['api-extensions'],
  }),
  t('admissionregistration.k8s.io', 'v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', false, {
    categories: ['api-extensions'],
  }),
  t('admissionregistration.k8s.io', 'v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', false, {
    categories: ['api-extensions'],
    generation: true,
    ...STATUS,
  }),
  t(
    'admissionregistration.k8s.io',
    'v1',
    'ValidatingAdmissionPolicyBinding',
    'validatingadmissionpolicybindings',
    false,
    {
      categories: ['api-extensions'],
    },
  ),
  t('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  t('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  t('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  t('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  t('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false, { verbs: CREATE_ONLY }),
  t('authorization.k8s.io', 'v1', 'SubjectAccessReview', 'subjectaccessreviews', false, { verbs: CREATE_ONLY }),
  t('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    ...STATUS,
  }),
  t('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  t('events.k8s.io', 'v1', 'Event', 'events', true, { storage: { group: '', version: 'v1' } }),
  t('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', true, { verbs: READ_ONLY, singular: '' }),
  t('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', false, { verbs: READ_ONLY, singular: '' }),
];

/**
 * `apps/v1` style apiVersion of a resource type (`v1` for the core group).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function apiVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/**
 * The group-version objects of a type are stored in (its own unless {@link ResourceType.storage} says otherwise).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function storageOf(type: ResourceType): { group: string; version: string } {
  return type.storage ?? { group: type.group, version: type.version };
}

/**
 * Whether two types name the same stored objects (e.g. `autoscaling/v1` and `v2` HPAs).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function sameStorage(a: ResourceType, b: ResourceType): boolean {
  return storageOf(a).group === storageOf(b).group && a.plural === b.plural;
}

/**
 * `deployments.apps` (or `pods` in the core group): how error messages name a resource.
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function qualifiedResource(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/**
 * Whether writes to the main resource keep the status (true when status has its own `/status` endpoint).
 * @see https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
 */
export function hasStatusSubresource(type: ResourceType): boolean {
  return (type.subresources ?? []).includes('status');
}
