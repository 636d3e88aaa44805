import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { formatQuantity, parseResourceList } from './quantities.js';
import { quotaTracker } from './quotaTracker.js';
import { COMPUTE_RESOURCES, containerUsage, usageOf } from './quotaUsage.js';

type Json = Record<string, unknown>;

/** The ResourceQuotas of a namespace that apply to every object (quotas with scopes are not evaluated). */
export function quotasOf(store: ObjectStore, registry: ResourceRegistry, namespace: string): KubeObject[] {
  const rqType = registry.find('', 'v1', 'resourcequotas');
  if (!rqType) return [];
  return store.list(rqType, { namespace }).items.filter((q) => {
    const spec = (q.spec ?? {}) as Json;
    return !(spec.scopes as unknown[] | undefined)?.length && !spec.scopeSelector;
  });
}

const pretty = (values: Record<string, number>, names: string[]) =>
  names.map((n) => `${n}=${formatQuantity(values[n] ?? 0, n)}`).join(',');

/** The containers of a pod missing a compute resource the quota limits: `limits.cpu for: app`. */
function missingCompute(pod: KubeObject, required: string[]): string[] {
  const spec = (pod.spec ?? {}) as Json;
  const containers = [
    ...((spec.initContainers as Json[] | undefined) ?? []),
    ...((spec.containers as Json[] | undefined) ?? []),
  ];
  const missing = new Map<string, string[]>();
  for (const c of containers) {
    const has = containerUsage(c);
    for (const name of required)
      if (has[name] === undefined) missing.set(name, [...(missing.get(name) ?? []), String(c.name)]);
  }
  return [...missing.keys()].sort().map((name) => `${name} for: ${missing.get(name)!.sort().join(',')}`);
}

/**
 * The ResourceQuota admission check of a create: for each quota of the namespace, a pod must declare every compute
 * resource the quota limits (`failed quota: q: must specify limits.cpu for: app`), and the namespace's usage plus the
 * object's must stay within `hard` (`exceeded quota: q, requested: requests.cpu=2, used: requests.cpu=1, limited:
 * requests.cpu=2`). With `live`, the check of an update: only what it adds counts (a claim grown, a service turned
 * into a NodePort). Returns the refusal message, or undefined when admitted.
 * @see https://kubernetes.io/docs/concepts/policy/resource-quotas/
 */
export function quotaRefusal(
  store: ObjectStore,
  registry: ResourceRegistry,
  type: ResourceType,
  obj: KubeObject,
  live?: KubeObject,
): string | undefined {
  if (!type.namespaced) return undefined;
  const namespace = obj.metadata.namespace ?? 'default';
  const requested = usageOf(type, obj);
  if (live) {
    const before = usageOf(type, live);
    for (const name of Object.keys(requested)) requested[name] = (requested[name] ?? 0) - (before[name] ?? 0);
  }
  for (const quota of quotasOf(store, registry, namespace)) {
    const hard = parseResourceList((quota.spec as Json | undefined)?.hard);
    const name = quota.metadata.name;
    if (type.kind === 'Pod' && type.group === '' && !live) {
      const required = COMPUTE_RESOURCES.filter((r) => hard[r] !== undefined);
      const missing = missingCompute(obj, required);
      if (missing.length > 0) return `failed quota: ${name}: must specify ${missing.join('; ')}`;
    }
    const touched = Object.keys(hard)
      .filter((r) => (requested[r] ?? 0) > 0)
      .sort();
    if (touched.length === 0) continue;
    const used = quotaTracker(store, registry).usage(namespace);
    const exceeded = touched.filter((r) => (used[r] ?? 0) + (requested[r] ?? 0) > hard[r]! + 1e-9);
    if (exceeded.length > 0) {
      return `exceeded quota: ${name}, requested: ${pretty(requested, exceeded)}, used: ${pretty(used, exceeded)}, limited: ${pretty(hard, exceeded)}`;
    }
  }
  return undefined;
}
