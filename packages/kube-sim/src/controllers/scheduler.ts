import type { KubeObject } from '../store/kubeObject.js';
import { podExtendedRequests } from './extendedResources.js';
import { ANTI_AFFINITY, EXISTING_ANTI_AFFINITY, podAffinityProblem } from './podAffinity.js';
import { parseQuantity } from './quantity.js';

type Json = Record<string, unknown>;
/** A pod's toleration (`tolerationSeconds` only matters to NoExecute taints). */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}
/** A node's taint (`timeAdded` is set on the NoExecute taints the node lifecycle controller adds). */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
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
      (!t.effect || t.effect === taint.effect) &&
      (t.operator === 'Exists'
        ? !t.key || t.key === taint.key
        : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );
}

interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

function meets(value: string | undefined, r: Requirement): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/**
 * Whether a node satisfies a pod's nodeSelector and its required node affinity (terms ORed, expressions and
 * `matchFields` on `metadata.name` ANDed), as the NodeAffinity filter decides.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export function matchesNode(podSpec: Json, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  const selector = (podSpec.nodeSelector as Record<string, string> | undefined) ?? {};
  if (Object.entries(selector).some(([k, v]) => labels[k] !== v)) return false;
  const required = (
    ((podSpec.affinity as Json | undefined)?.nodeAffinity as Json | undefined)
      ?.requiredDuringSchedulingIgnoredDuringExecution as Json | undefined
  )?.nodeSelectorTerms as Json[] | undefined;
  if (!required || required.length === 0) return true;
  return required.some(
    (term) =>
      ((term.matchExpressions as Requirement[] | undefined) ?? []).every((r) => meets(labels[r.key], r)) &&
      ((term.matchFields as Requirement[] | undefined) ?? []).every((r) =>
        meets(r.key === 'metadata.name' ? node.metadata.name : undefined, r),
      ),
  );
}

/** Whether the tolerations tolerate the taint. */
export function toleratesTaint(tolerations: Toleration[], taint: Taint): boolean {
  return tolerates(tolerations, taint);
}

/** Whether a pod has finished (its resources are free again). */
export function isTerminated(pod: KubeObject): boolean {
  const phase = (pod.status as Json | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The claims and storage classes the scheduler checks a pod's volumes against. */
export interface VolumeState {
  claims: KubeObject[];
  classes: KubeObject[];
}

/**
 * Why a pod's PersistentVolumeClaims keep it off every node, as the VolumeBinding filter says it: a missing claim,
 * or one still unbound that is not waiting for its first consumer.
 */
function volumeProblem(pod: KubeObject, volumes: VolumeState | undefined): string | undefined {
  if (!volumes) return undefined;
  for (const v of ((pod.spec as Json).volumes as Json[] | undefined) ?? []) {
    const claimName = (v.persistentVolumeClaim as Json | undefined)?.claimName;
    if (typeof claimName !== 'string') continue;
    const claim = volumes.claims.find(
      (c) => c.metadata.namespace === pod.metadata.namespace && c.metadata.name === claimName,
    );
    if (!claim) return `persistentvolumeclaim "${claimName}" not found`;
    if ((claim.status as Json | undefined)?.phase === 'Bound') continue;
    const className = (claim.spec as Json | undefined)?.storageClassName;
    const sc = volumes.classes.find((c) =>
      className === undefined
        ? c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true'
        : c.metadata.name === className,
    );
    if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

/** The outcome of scheduling one pod: a node, or the real scheduler's explanation. */
export type ScheduleResult = { node: string } | { message: string };

/**
 * Picks a node for a pod the way kube-scheduler filters them — unschedulable nodes, nodeSelector and node affinity,
 * NoSchedule taints, CPU, memory and extended resource (`nvidia.com/gpu`) requests against allocatable, then required
 * pod affinity and anti-affinity (`namespaces` for their namespaceSelector) — preferring the least loaded. When none fits, the message is the one
 * kube-scheduler writes in its FailedScheduling event: the filter reasons counted and sorted, then the preemption
 * verdict per node (`Preemption is not helpful for scheduling` where a filter other than resources failed, `No
 * preemption victims found for incoming pod` where only resources were short, as no lower-priority pod is evicted).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/
 */
export function schedulePod(
  pod: KubeObject,
  nodes: KubeObject[],
  pods: KubeObject[],
  volumes?: VolumeState,
  namespaces: KubeObject[] = [],
): ScheduleResult {
  const spec = (pod.spec ?? {}) as Json;
  const preemption = `preemption: 0/${nodes.length} nodes are available: ${nodes.length} ${NOT_HELPFUL}.`;
  const volumeIssue = volumeProblem(pod, volumes);
  if (volumeIssue) return { message: `0/${nodes.length} nodes are available: ${volumeIssue}. ${preemption}` };
  const tolerations = (spec.tolerations as Toleration[] | undefined) ?? [];
  const wanted = podRequests(pod);
  const wantedExtended = podExtendedRequests(pod);
  const reasons = new Map<string, number>();
  const fail = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const fits: { name: string; load: number }[] = [];
  let fitsWithoutOthers = 0;
  for (const node of nodes) {
    const nodeSpec = (node.spec ?? {}) as Json;
    const unschedulableTaint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (nodeSpec.unschedulable && !tolerates(tolerations, unschedulableTaint)) {
      fail('node(s) were unschedulable');
      continue;
    }
    if (!matchesNode(spec, node)) {
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
      (p) =>
        (p.spec as Json)?.nodeName === node.metadata.name && p.metadata.uid !== pod.metadata.uid && !isTerminated(p),
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
    for (const [resource, amount] of wantedExtended) {
      const taken = onNode.reduce((sum, p) => sum + (podExtendedRequests(p).get(resource) ?? 0), 0);
      // A node that does not advertise the resource has none of it.
      if (amount > 0 && taken + amount > (parseQuantity(allocatable[resource]) ?? 0)) {
        fail(`Insufficient ${resource}`);
        insufficient = true;
      }
    }
    if (insufficient) {
      // Only resource shortages (and anti-affinity) could be resolved by evicting pods; none here has a lower priority.
      fitsWithoutOthers++;
      continue;
    }
    const affinity = podAffinityProblem(pod, node, nodes, pods, namespaces);
    if (affinity) {
      fail(affinity);
      if (affinity === ANTI_AFFINITY || affinity === EXISTING_ANTI_AFFINITY) fitsWithoutOthers++;
      continue;
    }
    fits.push({ name: node.metadata.name, load: onNode.length });
  }
  const best = fits.sort((a, b) => a.load - b.load || (a.name < b.name ? -1 : 1))[0];
  if (best) return { node: best.name };
  const resolvable = fitsWithoutOthers;
  const preemptionReasons = new Map<string, number>();
  if (resolvable > 0) preemptionReasons.set(NO_VICTIMS, resolvable);
  if (nodes.length - resolvable > 0) preemptionReasons.set(NOT_HELPFUL, nodes.length - resolvable);
  return {
    message: `0/${nodes.length} nodes are available: ${histogram(reasons)}. preemption: 0/${nodes.length} nodes are available: ${histogram(preemptionReasons)}.`,
  };
}

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** `count reason` entries sorted as strings and joined, as kube-scheduler's FitError prints its reasons. */
function histogram(reasons: Map<string, number>): string {
  return [...reasons.entries()]
    .map(([r, n]) => `${n} ${r}`)
    .sort()
    .join(', ');
}
