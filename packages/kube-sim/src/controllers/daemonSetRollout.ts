import type { KubeObject } from '../store/kubeObject.js';
import { isPodReady } from './replicaSetController.js';

const REVISION_LABEL = 'controller-revision-hash';

/** What a DaemonSet's rolling update may do to its pods. */
export interface DaemonRollout {
  /** Nodes that should run a daemon pod, each with its pods (old revision first). */
  byNode: Map<string, KubeObject[]>;
  eligible: string[];
  /** The current revision's hash. */
  hash: string;
  maxUnavailable: number;
  maxSurge: number;
  /** Creates an up-to-date pod on the node (undefined when admission refused it). */
  create(node: string): KubeObject | undefined;
  remove(pod: KubeObject): void;
}

function intOrPercent(raw: number | string | undefined, total: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw === 'number') return raw;
  return Math.ceil((total * Number.parseInt(raw.replace('%', ''), 10)) / 100);
}

/** `maxUnavailable` and `maxSurge` of a DaemonSet's RollingUpdate, as numbers of nodes (at least one may change). */
export function rolloutLimits(
  rolling: { maxUnavailable?: number | string; maxSurge?: number | string } | undefined,
  desired: number,
): { maxUnavailable: number; maxSurge: number } {
  const maxSurge = intOrPercent(rolling?.maxSurge, desired, 0);
  const maxUnavailable = intOrPercent(rolling?.maxUnavailable, desired, 1);
  return { maxSurge, maxUnavailable: maxSurge === 0 ? Math.max(1, maxUnavailable) : maxUnavailable };
}

const updated = (pod: KubeObject, hash: string) => pod.metadata.labels?.[REVISION_LABEL] === hash;

/**
 * One step of a DaemonSet rolling update, as the real controller takes it: out-of-date pods that are not ready go at
 * once; with `maxSurge` a new pod starts beside a ready old one (on at most maxSurge nodes at a time) and the old one
 * goes when the new one is ready; without it, ready old pods are deleted while fewer than `maxUnavailable` nodes lack
 * a ready daemon.
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export function stepRollout(r: DaemonRollout): void {
  const drop = (node: string, pod: KubeObject) => {
    r.remove(pod);
    const rest = (r.byNode.get(node) ?? []).filter((p) => p !== pod);
    if (rest.length > 0) r.byNode.set(node, rest);
    else r.byNode.delete(node);
  };
  let surging = 0;
  for (const node of r.eligible) {
    const pods = r.byNode.get(node) ?? [];
    const fresh = pods.find((p) => updated(p, r.hash));
    for (const old of pods.filter((p) => !updated(p, r.hash))) {
      if (!isPodReady(old) || (fresh && isPodReady(fresh))) drop(node, old);
    }
    if ((r.byNode.get(node) ?? []).length > 1) surging++;
  }
  if (r.maxSurge > 0) {
    for (const node of r.eligible) {
      const pods = r.byNode.get(node) ?? [];
      if (pods.length !== 1 || updated(pods[0]!, r.hash) || surging >= r.maxSurge) continue;
      const fresh = r.create(node);
      if (!fresh) return;
      r.byNode.set(node, [...pods, fresh]);
      surging++;
    }
    return;
  }
  let budget = r.maxUnavailable - r.eligible.filter((n) => !(r.byNode.get(n) ?? []).some(isPodReady)).length;
  for (const node of r.eligible) {
    const pods = r.byNode.get(node) ?? [];
    if (budget <= 0) break;
    if (pods.length !== 1 || updated(pods[0]!, r.hash)) continue;
    drop(node, pods[0]!);
    budget--;
  }
}
