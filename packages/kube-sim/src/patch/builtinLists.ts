import type { ListStrategy } from './patchSchema.js';

/** A list merged by one key, for both strategic merge patch and server-side apply. */
export const mergeBy = (key: string, extra: Omit<ListStrategy, 'strategy' | 'key'> = {}): ListStrategy => ({
  strategy: 'merge',
  key,
  ...extra,
});

/** A list of primitives merged as a set (`patchStrategy:"merge"` without a key, `+listType=set`). */
export const MERGE_SET: ListStrategy = { strategy: 'merge', listType: 'set' };

/** A list replaced wholesale and atomic for server-side apply (no `patchStrategy`, `+listType=atomic`). */
export const ATOMIC: ListStrategy = { strategy: 'replace', listType: 'atomic' };

/** `conditions` of most statuses: merged by `type`. */
export const CONDITIONS = mergeBy('type');

/** `ObjectMeta` lists, relative to a `metadata` field. */
export const OBJECT_META_LISTS: Readonly<Record<string, ListStrategy>> = {
  finalizers: MERGE_SET,
  ownerReferences: mergeBy('uid'),
  managedFields: ATOMIC,
};

/** `Container` lists, relative to one container; shared by containers, initContainers and ephemeralContainers. */
const CONTAINER_LISTS: Readonly<Record<string, ListStrategy>> = {
  ports: mergeBy('containerPort', { listMapKeys: ['containerPort', 'protocol'], keyDefaults: { protocol: 'TCP' } }),
  env: mergeBy('name'),
  envFrom: ATOMIC,
  volumeMounts: mergeBy('mountPath'),
  volumeDevices: mergeBy('devicePath'),
  resizePolicy: ATOMIC,
  command: ATOMIC,
  args: ATOMIC,
  'resources.claims': { strategy: 'replace', listType: 'map', listMapKeys: ['name'] },
};

/**
 * `PodSpec` lists, relative to a pod spec: the `patchStrategy`/`patchMergeKey` tags of `k8s.io/api/core/v1`.
 * Tolerations carry no patch strategy, so a patch replaces them (the `kubectl patch` task shows exactly this).
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#notes-on-the-strategic-merge-patch
 */
export const POD_SPEC_LISTS: Readonly<Record<string, ListStrategy>> = {
  ...withPrefix('containers[]', CONTAINER_LISTS),
  ...withPrefix('initContainers[]', CONTAINER_LISTS),
  ...withPrefix('ephemeralContainers[]', CONTAINER_LISTS),
  containers: mergeBy('name'),
  initContainers: mergeBy('name'),
  ephemeralContainers: mergeBy('name'),
  volumes: mergeBy('name'),
  imagePullSecrets: mergeBy('name'),
  tolerations: ATOMIC,
  hostAliases: mergeBy('ip'),
  'hostAliases[].hostnames': ATOMIC,
  topologySpreadConstraints: mergeBy('topologyKey', { listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }),
  readinessGates: ATOMIC,
  resourceClaims: mergeBy('name'),
  schedulingGates: mergeBy('name'),
};

/** `PodStatus` lists, relative to a pod status. */
export const POD_STATUS_LISTS: Readonly<Record<string, ListStrategy>> = {
  conditions: CONDITIONS,
  podIPs: mergeBy('ip'),
  hostIPs: mergeBy('ip'),
  containerStatuses: ATOMIC,
  initContainerStatuses: ATOMIC,
  ephemeralContainerStatuses: ATOMIC,
  resourceClaimStatuses: mergeBy('name'),
};

/** The same strategies, mounted under a path prefix. */
export function withPrefix(
  prefix: string,
  lists: Readonly<Record<string, ListStrategy>>,
): Record<string, ListStrategy> {
  return Object.fromEntries(Object.entries(lists).map(([path, strategy]) => [`${prefix}.${path}`, strategy]));
}

/** The lists of a pod template (`PodTemplateSpec`) mounted at `prefix` (e.g. `spec.template`). */
export function podTemplateLists(prefix: string): Record<string, ListStrategy> {
  return { ...withPrefix(`${prefix}.metadata`, OBJECT_META_LISTS), ...withPrefix(`${prefix}.spec`, POD_SPEC_LISTS) };
}
