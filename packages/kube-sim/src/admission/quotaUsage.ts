import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import { parseResourceList } from './quantities.js';

type Json = Record<string, unknown>;

/** The compute resources a quota may require every container to declare. */
export const COMPUTE_RESOURCES = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** The object-count name of a resource type: `count/deployments.apps`, `count/pods`. */
export function countName(type: Pick<ResourceType, 'plural' | 'group'>): string {
  return type.group ? `count/${type.plural}.${type.group}` : `count/${type.plural}`;
}

const LEGACY_COUNTS: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

function containersOf(pod: KubeObject): { containers: Json[]; init: Json[] } {
  const spec = (pod.spec ?? {}) as Json;
  return {
    containers: (spec.containers as Json[] | undefined) ?? [],
    init: (spec.initContainers as Json[] | undefined) ?? [],
  };
}

/** A container's usage: `requests.cpu` (also counted as `cpu`), `limits.memory`, … */
export function containerUsage(container: Json): Record<string, number> {
  const resources = (container.resources ?? {}) as { requests?: unknown; limits?: unknown };
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(parseResourceList(resources.requests))) {
    out[`requests.${name}`] = v;
    if (name === 'cpu' || name === 'memory') out[name] = v;
  }
  for (const [name, v] of Object.entries(parseResourceList(resources.limits))) out[`limits.${name}`] = v;
  return out;
}

/** Whether a pod still counts against quota (not Succeeded or Failed). */
function counts(pod: KubeObject): boolean {
  const phase = (pod.status as Json | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * What one object uses of a namespace's quota, as the quota evaluators count it: one of its kind (`count/…` and the
 * legacy names `pods`, `services`, `configmaps`, …); for pods the sum of the containers' requests and limits (or the
 * largest init container's, when larger); for services their node ports and load balancers; for claims
 * `requests.storage`.
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export function usageOf(type: ResourceType, obj: KubeObject): Record<string, number> {
  if (type.kind === 'Pod' && type.group === '' && !counts(obj)) return {};
  const out: Record<string, number> = { [countName(type)]: 1 };
  if (type.group === '' && LEGACY_COUNTS[type.plural]) out[LEGACY_COUNTS[type.plural]!] = 1;
  if (type.group !== '') return out;
  if (type.kind === 'Pod') {
    const { containers, init } = containersOf(obj);
    const total: Record<string, number> = {};
    for (const c of containers) for (const [k, v] of Object.entries(containerUsage(c))) total[k] = (total[k] ?? 0) + v;
    for (const c of init) for (const [k, v] of Object.entries(containerUsage(c))) total[k] = Math.max(total[k] ?? 0, v);
    Object.assign(out, total);
  } else if (type.kind === 'Service') {
    const spec = (obj.spec ?? {}) as Json;
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
      out['services.nodeports'] = ((spec.ports as Json[] | undefined) ?? []).length;
    }
    if (spec.type === 'LoadBalancer') out['services.loadbalancers'] = 1;
  } else if (type.kind === 'PersistentVolumeClaim') {
    const requests = ((obj.spec as Json | undefined)?.resources as Json | undefined)?.requests;
    const storage = parseResourceList(requests).storage;
    if (storage !== undefined) out['requests.storage'] = storage;
  }
  return out;
}
