import type { KubeObject, ProposedFix } from '@opspilot/core';
import type { SnapshotIndex } from './snapshotIndex.js';
import { kubectlRef, patchCommand } from './workloads.js';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}
type Json = Record<string, unknown>;

/** The control plane's own taint keeps workloads off it by design: never the taint to act on. */
const CONTROL_PLANE = /^node-role\.kubernetes\.io\/(control-plane|master)$/;
/** Taints the node lifecycle controller sets from a node's conditions: the node needs fixing, not the pod. */
const NODE_CONDITION = /^node\.kubernetes\.io\//;

/** `key=value:Effect` (or `key:Effect`), as `kubectl taint` writes a taint. */
export function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** The `{key: value}` taints a scheduler message names as untolerated, the control plane's left out. */
function untoleratedTaints(reason: string): { key: string; value: string }[] {
  const found: { key: string; value: string }[] = [];
  for (const m of reason.matchAll(/had untolerated taint \{([^:}]+): ([^}]*)\}/g)) {
    const key = m[1]!.trim();
    if (!CONTROL_PLANE.test(key)) found.push({ key, value: m[2]!.trim() });
  }
  return found;
}

/** The pod template's tolerations path of a workload (or the pod's own spec). */
function podSpecPath(owner: KubeObject): (tolerations: unknown[]) => Json {
  if (owner.kind === 'Pod') return (tolerations) => ({ spec: { tolerations } });
  if (owner.kind === 'CronJob')
    return (tolerations) => ({ spec: { jobTemplate: { spec: { template: { spec: { tolerations } } } } } });
  return (tolerations) => ({ spec: { template: { spec: { tolerations } } } });
}

function ownTolerations(owner: KubeObject): unknown[] {
  const spec = owner.spec as Json | undefined;
  const podSpec =
    owner.kind === 'Pod'
      ? spec
      : owner.kind === 'CronJob'
        ? ((((spec?.jobTemplate as Json | undefined)?.spec as Json | undefined)?.template as Json | undefined)?.spec as
            | Json
            | undefined)
        : ((spec?.template as Json | undefined)?.spec as Json | undefined);
  return (podSpec?.tolerations as unknown[] | undefined) ?? [];
}

/** A taint the scheduler named as untolerated, and the nodes of the snapshot that carry it. */
export interface TaintedNodes {
  taint: Taint;
  nodes: string[];
}

/**
 * The taint (the control plane's aside) a scheduler message names as untolerated, with the nodes carrying it — a
 * NoExecute one first, as it also evicted running pods. Undefined when none is named or no node carries it.
 */
export function untoleratedTaintOf(index: SnapshotIndex, reason: string): TaintedNodes | undefined {
  const named = untoleratedTaints(reason);
  if (named.length === 0) return undefined;
  const carriers = new Map<string, { taint: Taint; nodes: string[] }>();
  for (const node of index.of('Node')) {
    for (const t of ((node.spec as Json | undefined)?.taints as Taint[] | undefined) ?? []) {
      if (t.effect === 'PreferNoSchedule') continue;
      if (!named.some((n) => n.key === t.key && n.value === (t.value ?? ''))) continue;
      const text = taintText(t);
      const entry = carriers.get(text) ?? { taint: t, nodes: [] };
      entry.nodes.push(node.metadata.name);
      carriers.set(text, entry);
    }
  }
  // NoExecute first: it is the one that also evicted running pods.
  const found = [...carriers.values()].sort((a, b) =>
    a.taint.effect === b.taint.effect ? 0 : a.taint.effect === 'NoExecute' ? -1 : 1,
  );
  return found[0];
}

/**
 * The fix for a pod the scheduler refuses because the nodes that would take it carry a taint it does not tolerate
 * (a NoExecute taint has also evicted the pods that ran there): it names the taint and the nodes holding it, with
 * both ways out — remove the taint (`kubectl taint nodes NODE key=value:Effect-`) when the nodes should run workloads
 * again, or (the patch) give the workload a matching toleration when it belongs on them. A node-condition taint
 * (`node.kubernetes.io/not-ready`, `unreachable`, pressure) points at the node instead, with no toleration proposed.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
 */
export function taintFix(owner: KubeObject, found: TaintedNodes): ProposedFix {
  const { taint, nodes } = found;
  const where = `${nodes.length === 1 ? 'Node' : 'Nodes'} ${nodes.join(', ')} ${nodes.length === 1 ? 'carries' : 'carry'}`;
  const evicts = taint.effect === 'NoExecute' ? ' (NoExecute: it also evicted the pods running there)' : '';
  if (NODE_CONDITION.test(taint.key)) {
    return {
      description: `${where} the node controller's taint ${taintText(taint)}${evicts}: the node is unhealthy — repair it (kubelet, network, resources) or replace it; the taint goes when its condition clears`,
      command: `kubectl describe node ${nodes[0]}`,
    };
  }
  const removal = nodes.map((n) => `kubectl taint nodes ${n} ${taintText(taint)}-`).join(' && ');
  const toleration = {
    key: taint.key,
    operator: taint.value ? 'Equal' : 'Exists',
    ...(taint.value ? { value: taint.value } : {}),
    effect: taint.effect,
  };
  const body = podSpecPath(owner)([...ownTolerations(owner), toleration]);
  return {
    description: `${where} the taint ${taintText(taint)}, which ${kubectlRef(owner)} does not tolerate${evicts}: remove the taint when the nodes should run workloads again (${removal}), or, if the workload belongs there, add a matching toleration (below)`,
    patch: { type: 'strategic', body },
    command: patchCommand(owner, 'strategic', body),
  };
}
