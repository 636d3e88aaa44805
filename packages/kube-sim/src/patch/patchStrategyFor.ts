import {
  ATOMIC,
  CONDITIONS,
  MERGE_SET,
  mergeBy,
  OBJECT_META_LISTS,
  POD_SPEC_LISTS,
  POD_STATUS_LISTS,
  podTemplateLists,
  withPrefix,
} from './builtinLists.js';
import type { ListStrategy, PatchSchema } from './patchSchema.js';

type Lists = Record<string, ListStrategy>;

/** Every object's own `metadata` lists. */
const META: Lists = withPrefix('metadata', OBJECT_META_LISTS);
const STATUS_CONDITIONS: Lists = { 'status.conditions': CONDITIONS };
const SELECTOR = ['spec.selector'];

interface KindEntry {
  lists: Lists;
  atomicMaps?: string[];
}

/** A workload whose pod template sits at `spec.template`, with the usual status conditions and selector. */
const workload = (extra: Lists = {}): KindEntry => ({
  lists: { ...podTemplateLists('spec.template'), ...STATUS_CONDITIONS, ...extra },
  atomicMaps: [...SELECTOR, 'spec.template.spec.nodeSelector'],
});

/** Per `group/Kind` (core group as `/Kind`): the lists and atomic maps beyond `metadata`. */
const KINDS: Readonly<Record<string, KindEntry>> = {
  '/Pod': {
    lists: { ...withPrefix('spec', POD_SPEC_LISTS), ...withPrefix('status', POD_STATUS_LISTS) },
    atomicMaps: ['spec.nodeSelector'],
  },
  '/PodTemplate': { lists: podTemplateLists('template'), atomicMaps: ['template.spec.nodeSelector'] },
  '/ReplicationController': workload(),
  'apps/Deployment': workload(),
  'apps/ReplicaSet': workload(),
  'apps/StatefulSet': workload({ 'spec.volumeClaimTemplates': ATOMIC }),
  'apps/DaemonSet': workload(),
  'batch/Job': workload({
    // Job conditions merge by type in a patch but are atomic for server-side apply (`+listType=atomic`).
    'status.conditions': { strategy: 'merge', key: 'type', listType: 'atomic' },
    'spec.podFailurePolicy.rules': ATOMIC,
  }),
  'batch/CronJob': {
    lists: { ...podTemplateLists('spec.jobTemplate.spec.template'), 'status.active': ATOMIC },
    atomicMaps: ['spec.jobTemplate.spec.selector', 'spec.jobTemplate.spec.template.spec.nodeSelector'],
  },
  '/Service': {
    lists: {
      'spec.ports': mergeBy('port', { listMapKeys: ['port', 'protocol'], keyDefaults: { protocol: 'TCP' } }),
      ...STATUS_CONDITIONS,
    },
    atomicMaps: SELECTOR,
  },
  '/Node': {
    lists: {
      'spec.podCIDRs': MERGE_SET,
      'spec.taints': ATOMIC,
      ...STATUS_CONDITIONS,
      'status.addresses': mergeBy('type'),
      'status.images': ATOMIC,
      'status.volumesInUse': ATOMIC,
      'status.volumesAttached': ATOMIC,
    },
  },
  '/Namespace': { lists: { 'spec.finalizers': ATOMIC, ...STATUS_CONDITIONS } },
  '/PersistentVolumeClaim': { lists: { 'spec.accessModes': ATOMIC, ...STATUS_CONDITIONS } },
  '/PersistentVolume': { lists: { 'spec.accessModes': ATOMIC, 'spec.mountOptions': ATOMIC } },
  '/ServiceAccount': { lists: { secrets: mergeBy('name'), imagePullSecrets: ATOMIC } },
  '/Endpoints': { lists: { subsets: ATOMIC } },
  'autoscaling/HorizontalPodAutoscaler': { lists: { 'spec.metrics': ATOMIC, ...STATUS_CONDITIONS } },
  'policy/PodDisruptionBudget': { lists: STATUS_CONDITIONS, atomicMaps: SELECTOR },
  'networking.k8s.io/NetworkPolicy': {
    lists: { 'spec.ingress': ATOMIC, 'spec.egress': ATOMIC, 'spec.policyTypes': ATOMIC },
    atomicMaps: ['spec.podSelector'],
  },
  'networking.k8s.io/Ingress': { lists: { 'spec.rules': ATOMIC, 'spec.tls': ATOMIC } },
  'discovery.k8s.io/EndpointSlice': { lists: { endpoints: ATOMIC, ports: ATOMIC } },
  'apiextensions.k8s.io/CustomResourceDefinition': { lists: { 'spec.versions': ATOMIC, ...STATUS_CONDITIONS } },
};

/** API groups served by the Kubernetes API server itself (as opposed to custom resources). */
const BUILTIN_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
]);

/** The schema every object has: its `metadata` lists only. Server-side apply uses it for custom resources. */
export const OBJECT_META_SCHEMA: PatchSchema = { lists: META, atomicMaps: [] };

/**
 * The patch strategy table of a built-in kind: for each list (by path, `[]` for every item) whether a strategic merge
 * patch merges it by a key (`containers` by `name`, container `ports` by `containerPort`, service `ports` by `port`,
 * `conditions` by `type`, `ownerReferences` by `uid`, `finalizers` as a set …) or replaces it, and the server-side
 * apply list types and atomic maps. Covers pods and every pod template (deployments, replica sets, stateful sets,
 * daemon sets, jobs, `spec.jobTemplate.spec.template` of cron jobs). Any other kind of a built-in group gets its
 * `metadata` lists. Returns undefined for custom resources: the API server refuses strategic merge patch for them
 * with 415, and they merge as JSON merge patch.
 * @see https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#notes-on-the-strategic-merge-patch
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export function patchStrategyFor(apiVersion: string, kind: string): PatchSchema | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  if (!BUILTIN_GROUPS.has(group)) return undefined;
  const entry = KINDS[`${group}/${kind}`];
  return { lists: { ...META, ...entry?.lists }, atomicMaps: entry?.atomicMaps ?? [] };
}
