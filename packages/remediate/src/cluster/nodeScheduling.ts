import type { ClusterGateway, KubeObject } from '@opspilot/core';
import type { PodSpec } from './kubeShapes.js';

/** A node-affinity requirement (`matchExpressions` entry). */
export interface NodeRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A node taint. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** A pod toleration. */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** Whether a node label value meets a requirement, as the NodeAffinity filter decides it. */
export function meetsRequirement(value: string | undefined, r: NodeRequirement): boolean {
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

/** Whether the tolerations tolerate a taint. */
export function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some(
    (t) =>
      (!t.effect || t.effect === taint.effect) &&
      (t.operator === 'Exists'
        ? !t.key || t.key === taint.key
        : t.key === taint.key && (t.value ?? '') === (taint.value ?? '')),
  );
}

/** The taints of a node that keep new pods off it (NoSchedule, NoExecute) and the pod does not tolerate. */
export function blockingTaints(node: KubeObject, tolerations: Toleration[]): Taint[] {
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[];
  return taints.filter((t) => t.effect !== 'PreferNoSchedule' && !tolerates(tolerations, t));
}

/** The required node-affinity terms of a pod spec (ORed); empty when it has none. */
export function requiredTerms(
  spec: PodSpec,
): { matchExpressions?: NodeRequirement[]; matchFields?: NodeRequirement[] }[] {
  const affinity = spec.affinity as
    | {
        nodeAffinity?: {
          requiredDuringSchedulingIgnoredDuringExecution?: {
            nodeSelectorTerms?: { matchExpressions?: NodeRequirement[]; matchFields?: NodeRequirement[] }[];
          };
        };
      }
    | undefined;
  return affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
}

/** Whether a node passes a pod's nodeSelector and required node affinity. */
export function nodeMatchesPod(spec: PodSpec, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  if (Object.entries(spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const terms = requiredTerms(spec);
  if (terms.length === 0) return true;
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((r) => meetsRequirement(labels[r.key], r)) &&
      (term.matchFields ?? []).every((r) =>
        meetsRequirement(r.key === 'metadata.name' ? node.metadata.name : undefined, r),
      ),
  );
}

/** The nodes that accept new pods (not cordoned). */
export async function schedulableNodes(gateway: ClusterGateway): Promise<KubeObject[]> {
  return (await gateway.list('Node')).filter(
    (n) => !(n.spec as { unschedulable?: boolean } | undefined)?.unschedulable,
  );
}

/** A requirement as kubectl describe writes it, e.g. `disktype In [ssd]`. */
export function describeRequirement(r: NodeRequirement): string {
  return `${r.key} ${r.operator}${r.values?.length ? ` [${r.values.join(',')}]` : ''}`;
}

/** A taint as `kubectl taint` writes it, e.g. `dedicated=batch:NoSchedule`. */
export function describeTaint(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
