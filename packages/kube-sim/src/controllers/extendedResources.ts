import type { KubeObject } from '../store/kubeObject.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;

/**
 * Whether a resource name is an extended resource (`<domain>/<name>` outside `kubernetes.io`, such as
 * `nvidia.com/gpu`), which the scheduler counts against allocatable like CPU and memory.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
 */
export function isExtendedResource(name: string): boolean {
  return name.includes('/') && !/(^|\.)kubernetes\.io\//.test(name) && !name.startsWith('requests.');
}

/**
 * The extended resources a pod requests: the sum over its containers (init containers run one at a time, so their
 * largest request counts when it is larger), requests defaulting to limits as the API server defaults them.
 */
export function podExtendedRequests(pod: KubeObject): Map<string, number> {
  const spec = (pod.spec ?? {}) as Json;
  const of = (c: Json) => {
    const resources = (c.resources ?? {}) as Json;
    const merged = {
      ...((resources.limits as Json | undefined) ?? {}),
      ...((resources.requests as Json | undefined) ?? {}),
    };
    return Object.entries(merged).filter(([name]) => isExtendedResource(name));
  };
  const total = new Map<string, number>();
  for (const c of (spec.containers as Json[] | undefined) ?? []) {
    for (const [name, value] of of(c)) total.set(name, (total.get(name) ?? 0) + (parseQuantity(value) ?? 0));
  }
  for (const c of (spec.initContainers as Json[] | undefined) ?? []) {
    for (const [name, value] of of(c)) total.set(name, Math.max(total.get(name) ?? 0, parseQuantity(value) ?? 0));
  }
  return total;
}
