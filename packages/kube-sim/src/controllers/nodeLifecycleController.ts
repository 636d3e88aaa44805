import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { unversioned } from './ownership.js';
import type { Taint } from './scheduler.js';

type Json = Record<string, unknown>;
/** The node condition (type and status) each node-lifecycle taint stands for. */
const CONDITION_TAINTS: { type: string; status: string; key: string; noExecute?: true }[] = [
  { type: 'Ready', status: 'False', key: 'node.kubernetes.io/not-ready', noExecute: true },
  { type: 'Ready', status: 'Unknown', key: 'node.kubernetes.io/unreachable', noExecute: true },
  { type: 'MemoryPressure', status: 'True', key: 'node.kubernetes.io/memory-pressure' },
  { type: 'DiskPressure', status: 'True', key: 'node.kubernetes.io/disk-pressure' },
  { type: 'PIDPressure', status: 'True', key: 'node.kubernetes.io/pid-pressure' },
  { type: 'NetworkUnavailable', status: 'True', key: 'node.kubernetes.io/network-unavailable' },
];
const MANAGED = new Set(CONDITION_TAINTS.map((c) => c.key));

/** The taints a node's conditions call for (existing ones kept, so `timeAdded` does not move). */
function wantedTaints(node: KubeObject, current: Taint[], now: string): Taint[] {
  const conditions = ((node.status as Json | undefined)?.conditions as Json[] | undefined) ?? [];
  const wanted: Taint[] = [];
  for (const c of CONDITION_TAINTS) {
    if (!conditions.some((x) => x.type === c.type && x.status === c.status)) continue;
    const effects = c.noExecute ? ['NoSchedule', 'NoExecute'] : ['NoSchedule'];
    for (const effect of effects) {
      const kept = current.find((t) => t.key === c.key && t.effect === effect);
      wanted.push(kept ?? { key: c.key, effect, ...(effect === 'NoExecute' ? { timeAdded: now } : {}) });
    }
  }
  return wanted;
}

/**
 * The node lifecycle controller's tainting (TaintNodesByCondition and taint-based evictions): a node whose Ready
 * condition is False gets `node.kubernetes.io/not-ready` (NoSchedule and NoExecute), Unknown gets
 * `node.kubernetes.io/unreachable`, and MemoryPressure, DiskPressure, PIDPressure and NetworkUnavailable conditions get
 * their NoSchedule taints; they go again when the condition clears. The NoExecute ones carry `timeAdded`. The
 * {@link createTaintEvictionController taint eviction controller} then evicts the pods that do not tolerate them —
 * after the 300 s the DefaultTolerationSeconds admission gives every pod. A node without a Ready condition is left
 * alone (the simulated kubelets never stop posting status by themselves: write the node's status to fail one).
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
export function reconcileNodeLifecycle(ctx: ControllerContext): void {
  const nodeType = ctx.type('Node');
  for (const node of ctx.store.list(nodeType).items) {
    if (!ctx.begin(node)) continue;
    const current = (((node.spec as Json | undefined)?.taints as Taint[] | undefined) ?? []).slice();
    const managed = current.filter((t) => MANAGED.has(t.key));
    const wanted = wantedTaints(node, managed, ctx.timestamp());
    const same =
      managed.length === wanted.length &&
      managed.every((t) => wanted.some((w) => w.key === t.key && w.effect === t.effect));
    if (same) continue;
    const taints = [...current.filter((t) => !MANAGED.has(t.key)), ...wanted];
    const next = unversioned(node);
    const spec = { ...((next.spec as Json | undefined) ?? {}) };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    next.spec = spec;
    ctx.store.update(nodeType, next);
  }
}
