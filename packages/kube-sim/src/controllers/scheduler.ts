import type { KubeObject } from '../store/kubeObject.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;
interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}
interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** CPU (cores) and memory (bytes) requested by a pod: the sum of its containers' requests. */
export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  const containers = ((pod.spec as Json)?.containers as Json[] | undefined) ?? [];
  let cpu = 0;
  let memory = 0;
  for (const c of containers) {
    const requests = ((c.resources as Json)?.requests as Json | undefined) ?? {};
    cpu += parseQuantity(requests.cpu) ?? 0;
    memory += parseQuantity(requests.memory) ?? 0;
  }
  return { cpu, memory };
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some(
    (t) =>
      (t.operator === 'Exists' && (!t.key || t.key === taint.key)) ||
      (t.key === taint.key && (t.value ?? '') === (taint.value ?? '') && (!t.effect || t.effect === taint.effect)),
  );
}

/** The outcome of scheduling one pod: a node, or the real scheduler's explanation. */
export type ScheduleResult = { node: string } | { message: string };

/**
 * Picks a node for a pod the way kube-scheduler filters them — unschedulable nodes, nodeSelector, NoSchedule taints,
 * CPU and memory requests against allocatable — preferring the least loaded. When none fits, the message is the one
 * kube-scheduler writes in its FailedScheduling event.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/
 */
export function schedulePod(pod: KubeObject, nodes: KubeObject[], pods: KubeObject[]): ScheduleResult {
  const spec = (pod.spec ?? {}) as Json;
  const selector = (spec.nodeSelector as Record<string, string> | undefined) ?? {};
  const tolerations = (spec.tolerations as Toleration[] | undefined) ?? [];
  const wanted = podRequests(pod);
  const reasons = new Map<string, number>();
  const fail = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const fits: { name: string; load: number }[] = [];
  for (const node of nodes) {
    const nodeSpec = (node.spec ?? {}) as Json;
    if (nodeSpec.unschedulable) {
      fail('node(s) were unschedulable');
      continue;
    }
    const labels = node.metadata.labels ?? {};
    if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) {
      fail("node(s) didn't match Pod's node affinity/selector");
      continue;
    }
    const taint = ((nodeSpec.taints as Taint[] | undefined) ?? []).find(
      (t) => t.effect !== 'PreferNoSchedule' && !tolerates(tolerations, t),
    );
    if (taint) {
      fail(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
      continue;
    }
    const allocatable = ((node.status as Json)?.allocatable as Json | undefined) ?? {};
    const onNode = pods.filter(
      (p) => (p.spec as Json)?.nodeName === node.metadata.name && p.metadata.uid !== pod.metadata.uid,
    );
    const used = onNode.reduce(
      (sum, p) => {
        const r = podRequests(p);
        return { cpu: sum.cpu + r.cpu, memory: sum.memory + r.memory };
      },
      { cpu: 0, memory: 0 },
    );
    let insufficient = false;
    if (used.cpu + wanted.cpu > (parseQuantity(allocatable.cpu) ?? Number.POSITIVE_INFINITY)) {
      fail('Insufficient cpu');
      insufficient = true;
    }
    if (used.memory + wanted.memory > (parseQuantity(allocatable.memory) ?? Number.POSITIVE_INFINITY)) {
      fail('Insufficient memory');
      insufficient = true;
    }
    if (!insufficient) fits.push({ name: node.metadata.name, load: onNode.length });
  }
  const best = fits.sort((a, b) => a.load - b.load || (a.name < b.name ? -1 : 1))[0];
  if (best) return { node: best.name };
  const detail = [...reasons.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([r, n]) => `${n} ${r}`)
    .join(', ');
  return {
    message: `0/${nodes.length} nodes are available: ${detail}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`,
  };
}
