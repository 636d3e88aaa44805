import { type ClusterSnapshot, type KubeObject, objectsOf, parseQuantity } from '@opspilot/core';
import type {
  ClusterCostInput,
  CostContainer,
  CostNode,
  CostPod,
  CostPvc,
  CostService,
  CostWindow,
  WorkloadRef,
} from './costInventory.js';

type Json = Record<string, unknown>;

/** The cost engines' kinds of a snapshot (pass them as `kinds` to keep a snapshot small). */
export const COST_SNAPSHOT_KINDS = [
  'Node',
  'Pod',
  'Service',
  'Endpoints',
  'PersistentVolumeClaim',
  'ReplicaSet',
  'Job',
] as const;

function q(v: unknown): number {
  return parseQuantity(v) ?? 0;
}

/** The top controller of a pod: a ReplicaSet's Deployment, a Job's CronJob, else the owner, else the pod itself. */
export function workloadOf(pod: KubeObject, owners: ReadonlyMap<string, KubeObject>): WorkloadRef {
  const ns = pod.metadata.namespace ?? '';
  let ref = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  if (!ref) return { kind: 'Pod', name: pod.metadata.name };
  for (let depth = 0; depth < 3; depth++) {
    const owner = owners.get(`${ref.kind}/${ns}/${ref.name}`);
    const up = owner?.metadata.ownerReferences?.find((o) => o.controller) ?? owner?.metadata.ownerReferences?.[0];
    if (!up) break;
    ref = up;
  }
  return { kind: ref.kind, name: ref.name };
}

function containersOf(pod: KubeObject): CostContainer[] {
  const containers = ((pod.spec as Json | undefined)?.containers as Json[] | undefined) ?? [];
  return containers.map((c) => {
    const resources = (c.resources as Json | undefined) ?? {};
    const requests = (resources.requests as Json | undefined) ?? {};
    const limits = (resources.limits as Json | undefined) ?? {};
    const cpuLimit = parseQuantity(limits.cpu);
    const memoryLimit = parseQuantity(limits.memory);
    return {
      name: String(c.name),
      // As the scheduler: a container with a limit and no request requests its limit.
      cpuRequest: parseQuantity(requests.cpu) ?? cpuLimit ?? 0,
      memoryRequest: parseQuantity(requests.memory) ?? memoryLimit ?? 0,
      gpuRequest: q(requests['nvidia.com/gpu'] ?? limits['nvidia.com/gpu']),
      ...(cpuLimit !== undefined ? { cpuLimit } : {}),
      ...(memoryLimit !== undefined ? { memoryLimit } : {}),
    };
  });
}

/**
 * The cost inventory of a cluster at the moment of a snapshot: running (and pending-but-bound) pods with their
 * containers' requests, nodes' allocatable resources, claims and Services with their ready endpoints. Usage
 * series are added by {@link attachUsage}.
 */
export function inventoryFromSnapshot(
  snapshot: ClusterSnapshot,
  cluster: { id: string; name: string },
  window: CostWindow,
): ClusterCostInput {
  const owners = new Map<string, KubeObject>();
  for (const kind of ['ReplicaSet', 'Job']) {
    for (const o of objectsOf(snapshot, kind))
      owners.set(`${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, o);
  }
  const nodes: CostNode[] = objectsOf(snapshot, 'Node').map((n) => {
    const alloc =
      (((n.status as Json | undefined)?.allocatable ?? (n.status as Json | undefined)?.capacity) as Json | undefined) ??
      {};
    return {
      name: n.metadata.name,
      labels: (n.metadata.labels ?? {}) as Record<string, string>,
      cpuCores: q(alloc.cpu),
      memoryBytes: q(alloc.memory),
      gpus: q(alloc['nvidia.com/gpu']),
      unschedulable: Boolean((n.spec as Json | undefined)?.unschedulable),
    };
  });
  const pods: CostPod[] = objectsOf(snapshot, 'Pod')
    .filter((p) => {
      const phase = (p.status as Json | undefined)?.phase;
      return phase === 'Running' || (phase === 'Pending' && (p.spec as Json | undefined)?.nodeName);
    })
    .map((p) => ({
      namespace: p.metadata.namespace ?? '',
      name: p.metadata.name,
      node: String((p.spec as Json | undefined)?.nodeName ?? ''),
      workload: workloadOf(p, owners),
      labels: (p.metadata.labels ?? {}) as Record<string, string>,
      containers: containersOf(p),
      pvcs: (((p.spec as Json | undefined)?.volumes as Json[] | undefined) ?? [])
        .map((v) => (v.persistentVolumeClaim as Json | undefined)?.claimName)
        .filter((c): c is string => typeof c === 'string'),
    }));
  const pvcs: CostPvc[] = objectsOf(snapshot, 'PersistentVolumeClaim').map((c) => {
    const spec = (c.spec as Json | undefined) ?? {};
    const storageClass = spec.storageClassName;
    return {
      namespace: c.metadata.namespace ?? '',
      name: c.metadata.name,
      ...(typeof storageClass === 'string' ? { storageClass } : {}),
      sizeBytes: q(((spec.resources as Json | undefined)?.requests as Json | undefined)?.storage),
      phase: String((c.status as Json | undefined)?.phase ?? ''),
    };
  });
  const ready = new Map<string, number>();
  for (const e of objectsOf(snapshot, 'Endpoints')) {
    const subsets = ((e as Json).subsets as Json[] | undefined) ?? [];
    ready.set(
      `${e.metadata.namespace}/${e.metadata.name}`,
      subsets.reduce((t, s) => t + ((s.addresses as unknown[] | undefined) ?? []).length, 0),
    );
  }
  const services: CostService[] = objectsOf(snapshot, 'Service').map((s) => ({
    namespace: s.metadata.namespace ?? '',
    name: s.metadata.name,
    type: String((s.spec as Json | undefined)?.type ?? 'ClusterIP'),
    readyEndpoints: ready.get(`${s.metadata.namespace}/${s.metadata.name}`) ?? 0,
  }));
  return { clusterId: cluster.id, clusterName: cluster.name, window, nodes, pods, pvcs, services };
}
