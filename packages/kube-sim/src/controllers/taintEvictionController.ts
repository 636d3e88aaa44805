import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { deleteCascading } from './deleteCascading.js';
import { unversioned } from './ownership.js';
import { type Taint, type Toleration, toleratesTaint } from './scheduler.js';

type Json = Record<string, unknown>;
/** One pod's scheduled eviction, as the controller's timed work queue keeps it. */
interface Work {
  uid: string;
  pod: KubeObject;
  createdAt: number;
  fireAt: number;
  /** Fired already: a later cancel is silent, as the real queue's fired entries are. */
  fired: boolean;
}

const SOURCE = 'taint-eviction-controller';
const REASON = 'TaintManagerEviction';

/** How long the pod may stay: 0 (now), a number of ms, or undefined (forever), as `getMinTolerationTime` decides. */
export function evictionDelay(tolerations: Toleration[], taints: Taint[]): number | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint([t], taint));
    if (!match) return 0;
    used.push(match);
  }
  if (used.length === 0) return 0;
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds);
  }
  return min === undefined ? undefined : min * 1000;
}

const noExecute = (node: KubeObject) =>
  (((node.spec as Json | undefined)?.taints as Taint[] | undefined) ?? []).filter((t) => t.effect === 'NoExecute');

/**
 * The taint eviction controller (kube-controller-manager's `taint-eviction-controller`, formerly the taint manager):
 * a pod bound to a node with a NoExecute taint it does not tolerate is deleted at once; one whose matching
 * tolerations all bound their time (`tolerationSeconds`, the smallest wins) is deleted that long after the controller
 * first saw the taint; one tolerating it forever stays. Before deleting it records the Normal event
 * `TaintManagerEviction` "Marking for deletion Pod ns/name" and sets the pod's `DisruptionTarget` condition
 * (`DeletionByTaintManager`); a scheduled eviction dropped because the taint went or the pod was deleted records
 * "Cancelling deletion of Pod ns/name". As on a real cluster a scheduled time is not moved by a later change of
 * `tolerationSeconds`. The workload controllers replace the deleted pods, and the scheduler keeps them off the node.
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions
 */
export function createTaintEvictionController(): (ctx: ControllerContext) => void {
  const queue = new Map<string, Work>();
  const cancel = (ctx: ControllerContext, key: string) => {
    const work = queue.get(key);
    if (!work) return;
    queue.delete(key);
    if (!work.fired) ctx.event(work.pod, 'Normal', REASON, `Cancelling deletion of Pod ${key}`, SOURCE);
  };
  return (ctx) => {
    const now = ctx.clock.now().getTime();
    const tainted = new Map<string, Taint[]>();
    for (const node of ctx.store.list(ctx.type('Node')).items) {
      const taints = noExecute(node);
      if (taints.length > 0) tainted.set(node.metadata.name, taints);
    }
    const podType = ctx.type('Pod');
    const seen = new Set<string>();
    for (const pod of ctx.store.list(podType).items) {
      const nodeName = (pod.spec as Json | undefined)?.nodeName as string | undefined;
      if (!nodeName || pod.metadata.deletionTimestamp) continue;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      const uid = String(pod.metadata.uid);
      seen.add(key);
      if (queue.get(key)?.uid !== uid) queue.delete(key);
      const taints = tainted.get(nodeName);
      if (!taints) {
        cancel(ctx, key);
        continue;
      }
      if (!ctx.begin(pod)) continue;
      const tolerations = ((pod.spec as Json).tolerations as Toleration[] | undefined) ?? [];
      const delay = evictionDelay(tolerations, taints);
      const untolerated = taints.some((t) => !tolerations.some((x) => toleratesTaint([x], t)));
      if (delay === undefined) {
        cancel(ctx, key);
        continue;
      }
      if (untolerated) cancel(ctx, key);
      let work = queue.get(key);
      if (!work) {
        work = { uid, pod, createdAt: now, fireAt: now + delay, fired: false };
        queue.set(key, work);
      }
      if (work.fired) continue;
      if (work.fireAt > now) {
        ctx.requeueAfter(work.fireAt - now);
        continue;
      }
      work.fired = true;
      evict(ctx, pod, key);
    }
    for (const key of [...queue.keys()]) if (!seen.has(key)) cancel(ctx, key);
  };
}

/** What the controller's delete handler does: the event, the DisruptionTarget condition, then the deletion. */
function evict(ctx: ControllerContext, pod: KubeObject, key: string): void {
  const podType = ctx.type('Pod');
  ctx.event(pod, 'Normal', REASON, `Marking for deletion Pod ${key}`, SOURCE);
  const status = (pod.status ?? {}) as Json;
  const conditions = ((status.conditions as Json[] | undefined) ?? []).filter((c) => c.type !== 'DisruptionTarget');
  conditions.push({
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: ctx.timestamp(),
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  });
  ctx.store.update(podType, { ...unversioned(pod), status: { ...status, conditions } }, { subresource: 'status' });
  deleteCascading(ctx, podType, pod.metadata.namespace, pod.metadata.name);
}
