import type { KubeObj } from './kubeResource.js';

/** Kinds that run pods from a template, and where their pod spec lives. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Every kind that carries a pod spec. */
export const WORKLOAD_KINDS = Object.keys(POD_SPEC_PATHS);

/** Kinds managed by a controller that keeps `replicas` pods running. */
export const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** A pod spec found in an object, with its field path. */
export interface PodSpecAt {
  // biome-ignore lint/suspicious/noExplicitAny: user input read defensively
  spec: any;
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: user input read defensively
  metadata: any;
  metadataPath: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The pod spec of a Pod or workload (and its pod metadata), or undefined when there is none. */
export function podSpecOf(obj: KubeObj): PodSpecAt | undefined {
  const keys = POD_SPEC_PATHS[obj.kind];
  if (!keys) return undefined;
  let node: unknown = obj;
  for (const k of keys) {
    if (!isObject(node)) return undefined;
    node = node[k];
  }
  if (!isObject(node)) return undefined;
  const path = keys.join('.');
  const metaKeys = obj.kind === 'Pod' ? ['metadata'] : [...keys.slice(0, -1), 'metadata'];
  let meta: unknown = obj;
  for (const k of metaKeys) meta = isObject(meta) ? meta[k] : undefined;
  return { spec: node, path, metadata: isObject(meta) ? meta : {}, metadataPath: metaKeys.join('.') };
}

/** A container of a pod spec with its field path. */
export interface ContainerAt {
  // biome-ignore lint/suspicious/noExplicitAny: user input read defensively
  c: any;
  path: string;
  name: string;
  init: boolean;
}

/** The containers (and, with `withInit`, init containers) of an object's pod spec. */
export function containersOf(obj: KubeObj, withInit = true): ContainerAt[] {
  const pod = podSpecOf(obj);
  if (!pod) return [];
  const out: ContainerAt[] = [];
  const lists: [string, boolean][] = withInit
    ? [
        ['initContainers', true],
        ['containers', false],
      ]
    : [['containers', false]];
  for (const [key, init] of lists) {
    const list = pod.spec[key];
    if (!Array.isArray(list)) continue;
    for (const [i, c] of list.entries()) {
      if (!isObject(c)) continue;
      out.push({ c, path: `${pod.path}.${key}[${i}]`, name: typeof c.name === 'string' ? c.name : `#${i}`, init });
    }
  }
  return out;
}

/** The `replicas` of a replicated workload (1 when unset, as Kubernetes defaults it). */
export function replicasOf(obj: KubeObj): number | undefined {
  if (!REPLICATED_KINDS.includes(obj.kind)) return undefined;
  const r = obj.spec?.replicas;
  return typeof r === 'number' ? r : 1;
}

/** Whether every `selector` label is present with the same value in `labels`. */
export function selectorMatches(selector: unknown, labels: unknown): boolean {
  if (!isObject(selector) || Object.keys(selector).length === 0) return false;
  if (!isObject(labels)) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}
