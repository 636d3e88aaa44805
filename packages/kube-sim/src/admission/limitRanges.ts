import type { ResourceRegistry } from '../api/resourceRegistry.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ObjectStore } from '../store/objectStore.js';
import { formatQuantity, parseResourceList } from './quantities.js';

type Json = Record<string, unknown>;
type Limits = Record<string, string>;

interface LimitRangeItem {
  type?: string;
  max?: Limits;
  min?: Limits;
  default?: Limits;
  defaultRequest?: Limits;
  maxLimitRequestRatio?: Limits;
}

/** A LimitRange item with the API server's defaults: `default` from `max`, `defaultRequest` from `default` or `min`. */
function defaulted(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item;
  const def = { ...(item.max ?? {}), ...(item.default ?? {}) };
  const request = { ...(item.min ?? {}), ...def, ...(item.defaultRequest ?? {}) };
  return { ...item, default: def, defaultRequest: request };
}

function containersOf(pod: KubeObject): Json[] {
  const spec = (pod.spec ?? {}) as Json;
  return [...((spec.initContainers as Json[] | undefined) ?? []), ...((spec.containers as Json[] | undefined) ?? [])];
}

/** The namespace's LimitRange items of one type, defaulted. */
function itemsOf(store: ObjectStore, registry: ResourceRegistry, namespace: string, type: string): LimitRangeItem[] {
  const lrType = registry.find('', 'v1', 'limitranges');
  if (!lrType) return [];
  return store
    .list(lrType, { namespace })
    .items.flatMap((lr) => ((lr.spec as Json | undefined)?.limits as LimitRangeItem[] | undefined) ?? [])
    .filter((item) => item.type === type)
    .map(defaulted);
}

/**
 * The LimitRanger's mutation: containers without a request or limit for a resource the namespace's LimitRanges
 * default get `defaultRequest` / `default`, and the pod is annotated `kubernetes.io/limit-ranger` naming what was
 * set, as on a real cluster.
 * @see https://kubernetes.io/docs/concepts/policy/limit-range/
 */
export function applyLimitRangeDefaults(store: ObjectStore, registry: ResourceRegistry, pod: KubeObject): void {
  const items = itemsOf(store, registry, pod.metadata.namespace ?? 'default', 'Container');
  if (items.length === 0) return;
  const notes: string[] = [];
  for (const container of containersOf(pod)) {
    container.resources ??= {};
    const resources = container.resources as { requests?: Limits; limits?: Limits };
    const setRequests: string[] = [];
    const setLimits: string[] = [];
    for (const item of items) {
      for (const [name, value] of Object.entries(item.defaultRequest ?? {})) {
        if (resources.requests?.[name] !== undefined || resources.limits?.[name] !== undefined) continue;
        resources.requests = { ...resources.requests, [name]: value };
        setRequests.push(name);
      }
      for (const [name, value] of Object.entries(item.default ?? {})) {
        if (resources.limits?.[name] !== undefined) continue;
        resources.limits = { ...resources.limits, [name]: value };
        setLimits.push(name);
      }
    }
    if (setRequests.length > 0) notes.push(`${setRequests.join(', ')} request for container ${container.name}`);
    if (setLimits.length > 0) notes.push(`${setLimits.join(', ')} limit for container ${container.name}`);
  }
  if (notes.length > 0) {
    pod.metadata.annotations = {
      ...pod.metadata.annotations,
      'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}`,
    };
  }
}

/** Checks one requests/limits pair against an item's min, max and ratio; returns the violations. */
function violations(item: LimitRangeItem, scope: string, requests: Limits, limits: Limits): string[] {
  const out: string[] = [];
  const req = parseResourceList(requests);
  const lim = parseResourceList(limits);
  const q = (n: number, name: string) => formatQuantity(n, name);
  for (const [name, min] of Object.entries(parseResourceList(item.min))) {
    if (req[name] === undefined)
      out.push(`minimum ${name} usage per ${scope} is ${q(min, name)}.  No request is specified`);
    else if (req[name] < min)
      out.push(`minimum ${name} usage per ${scope} is ${q(min, name)}, but request is ${q(req[name], name)}`);
  }
  for (const [name, max] of Object.entries(parseResourceList(item.max))) {
    if (lim[name] === undefined)
      out.push(`maximum ${name} usage per ${scope} is ${q(max, name)}.  No limit is specified`);
    else if (lim[name] > max)
      out.push(`maximum ${name} usage per ${scope} is ${q(max, name)}, but limit is ${q(lim[name], name)}`);
  }
  for (const [name, ratio] of Object.entries(parseResourceList(item.maxLimitRequestRatio))) {
    const l = lim[name];
    const r = req[name];
    if (l === undefined || r === undefined || r === 0) continue;
    if (l / r > ratio) {
      out.push(
        `${name} max limit to request ratio per ${scope} is ${q(ratio, 'count')}, but provided ratio is ${(l / r).toFixed(6)}`,
      );
    }
  }
  return out;
}

function sum(lists: Limits[]): Limits {
  const totals: Record<string, number> = {};
  for (const list of lists)
    for (const [k, v] of Object.entries(parseResourceList(list))) totals[k] = (totals[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, formatQuantity(v, k)]));
}

/**
 * The LimitRanger's validation of a pod: each container (type `Container`) and the pod's totals (type `Pod`)
 * against `min`, `max` and `maxLimitRequestRatio`, with the real messages (`maximum cpu usage per Container is 1,
 * but limit is 2`). Returns the violations (empty when the pod is admitted).
 * @see https://kubernetes.io/docs/concepts/policy/limit-range/
 */
export function limitRangeViolations(store: ObjectStore, registry: ResourceRegistry, pod: KubeObject): string[] {
  const namespace = pod.metadata.namespace ?? 'default';
  const out: string[] = [];
  const containers = containersOf(pod);
  const resourcesOf = (c: Json) => (c.resources ?? {}) as { requests?: Limits; limits?: Limits };
  for (const item of itemsOf(store, registry, namespace, 'Container')) {
    for (const c of containers)
      out.push(...violations(item, 'Container', resourcesOf(c).requests ?? {}, resourcesOf(c).limits ?? {}));
  }
  for (const item of itemsOf(store, registry, namespace, 'Pod')) {
    const requests = sum(containers.map((c) => resourcesOf(c).requests ?? {}));
    const limits = sum(containers.map((c) => resourcesOf(c).limits ?? {}));
    out.push(...violations(item, 'Pod', requests, limits));
  }
  return out;
}
