import { dependenciesOf, indexSnapshot, topOwner } from '@opspilot/analyzers';
import {
  type ClusterSnapshot,
  type KubeObject,
  type ObjectRef,
  parseQuantity,
  type ResourceUsage,
} from '@opspilot/core';
import { type IncidentScope, keyOf } from './incidentScope.js';
import type { Saturation } from './rcaInput.js';

// biome-ignore lint/suspicious/noExplicitAny: objects from the cluster are read field by field
type Any = Record<string, any>;

/** A node is busy from this share of its allocatable CPU on; a pod is its hog from this share on. */
const BUSY = 0.85;
const HOG = 0.4;

const refOf = (o: KubeObject): ObjectRef => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });
const cpuRequest = (pod: KubeObject) =>
  (((pod.spec as Any | undefined)?.containers ?? []) as Any[]).reduce(
    (sum, c) => sum + (parseQuantity(c.resources?.requests?.cpu) ?? 0) * 1000,
    0,
  );

/**
 * The CPU hogs of the scope's nodes: on a node using most of its allocatable CPU, the pod using the largest share of
 * it, when another workload of the incident runs on the same node — co-location read from the analyzers' dependency
 * graph (a pod depends on its node), so the hog is named for sharing the starved pods' node, not for being busy at
 * the same time. The hog may be in the incident itself (its own CPU signal joined it) or outside it.
 */
export function noisyNeighbours(snapshot: ClusterSnapshot, scope: IncidentScope, usage: ResourceUsage[]): Saturation[] {
  const index = indexSnapshot(snapshot);
  const nodeOf = (pod: KubeObject) =>
    dependenciesOf(index, pod)
      .follow.find((k) => k.startsWith('Node//'))
      ?.slice('Node//'.length);
  const used = new Map(usage.map((u) => [keyOf({ ...u.ref, kind: 'Pod' }), u.cpuMillicores]));
  const out: Saturation[] = [];
  for (const node of scope.nodes) {
    const allocatable =
      (parseQuantity((index.get('Node', undefined, node)?.status as Any | undefined)?.allocatable?.cpu) ?? 0) * 1000;
    if (allocatable <= 0) continue;
    const onNode = (snapshot.objects.Pod ?? []).filter((p) => nodeOf(p) === node);
    const total = onNode.reduce((s, p) => s + (used.get(keyOf({ ...p.metadata, kind: 'Pod' })) ?? 0), 0);
    if (total < BUSY * allocatable) continue;
    const [hog] = [...onNode].sort(
      (a, b) =>
        (used.get(keyOf({ ...b.metadata, kind: 'Pod' })) ?? 0) - (used.get(keyOf({ ...a.metadata, kind: 'Pod' })) ?? 0),
    );
    if (!hog) continue;
    const hogUsed = used.get(keyOf({ ...hog.metadata, kind: 'Pod' })) ?? 0;
    if (hogUsed < HOG * allocatable) continue;
    const hogWorkload = refOf(topOwner(index, hog));
    const victims = new Map<string, ObjectRef>();
    for (const pod of scope.pods) {
      const owner = scope.ownerOfPod.get(keyOf({ ...pod.metadata, kind: 'Pod' }));
      if (nodeOf(pod) === node && owner && keyOf(owner) !== keyOf(hogWorkload)) victims.set(keyOf(owner), owner);
    }
    if (victims.size === 0) continue;
    out.push({
      subject: refOf(hog),
      resource: 'cpu',
      used: hogUsed,
      limit: allocatable,
      node,
      neighbour: true,
      workload: hogWorkload,
      nodeUsed: total,
      requested: cpuRequest(hog),
      victims: [...victims.values()],
    });
  }
  return out;
}
