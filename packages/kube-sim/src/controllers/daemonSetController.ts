import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import {
  ensureRevision,
  ownedRevisions,
  REVISION_HASH,
  revisionTemplate,
  trimRevisions,
} from './controllerRevisions.js';
import { rolloutLimits, stepRollout } from './daemonSetRollout.js';
import { isOwnedBy, unversioned } from './ownership.js';
import { createPodFromTemplate, phaseOf } from './podFromTemplate.js';
import { isPodReady } from './replicaSetController.js';
import { matchesNode, type Toleration, toleratesTaint } from './scheduler.js';

type Json = Record<string, unknown>;
interface DaemonSetSpec {
  template?: { metadata?: Json; spec?: Json };
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  revisionHistoryLimit?: number;
}

const SOURCE = 'daemonset-controller';
const REVISION_LABEL = 'controller-revision-hash';

/**
 * The tolerations the DaemonSet controller adds to every daemon pod, so that daemons keep running on nodes that are
 * not ready, unreachable, under pressure or cordoned.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#taints-and-tolerations
 */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

function tolerationsOf(podSpec: Json): Toleration[] {
  const own = (podSpec.tolerations as Toleration[] | undefined) ?? [];
  const extra = DAEMON_TOLERATIONS.filter((d) => !own.some((t) => t.key === d.key && t.effect === d.effect));
  if (podSpec.hostNetwork === true)
    extra.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return [...own, ...extra];
}

/**
 * Whether a daemon pod should run on a node: its nodeSelector and required node affinity match, and every
 * taint of the node with one of `effects` (NoSchedule and NoExecute to start a pod; NoExecute alone to keep one running)
 * is tolerated, with the tolerations daemon pods get.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled
 */
export function shouldRunOn(podSpec: Json, node: KubeObject, effects = ['NoSchedule', 'NoExecute']): boolean {
  if (!matchesNode(podSpec, node)) return false;
  const tolerations = tolerationsOf(podSpec);
  const taints = ((node.spec as Json | undefined)?.taints ?? []) as { key: string; value?: string; effect: string }[];
  return taints.every((t) => !effects.includes(t.effect) || toleratesTaint(tolerations, t));
}

/** The node a daemon pod is bound to: its nodeName, else the one its node affinity names. */
function nodeOf(pod: KubeObject): string | undefined {
  const spec = pod.spec as Json;
  if (spec.nodeName) return String(spec.nodeName);
  const terms = ((
    ((spec.affinity as Json | undefined)?.nodeAffinity as Json | undefined)
      ?.requiredDuringSchedulingIgnoredDuringExecution as Json | undefined
  )?.nodeSelectorTerms ?? []) as Json[];
  const field = ((terms[0]?.matchFields as Json[] | undefined) ?? []).find((f) => f.key === 'metadata.name');
  return (field?.values as string[] | undefined)?.[0];
}

function pinTo(node: string) {
  return (podSpec: Json) => {
    const affinity = (podSpec.affinity as Json | undefined) ?? {};
    podSpec.affinity = {
      ...affinity,
      nodeAffinity: {
        ...((affinity.nodeAffinity as Json | undefined) ?? {}),
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
        },
      },
    };
    podSpec.tolerations = tolerationsOf(podSpec);
  };
}

/**
 * Runs DaemonSets: one pod `<name>-<5 chars>` per node the template may run on (nodeSelector, node affinity, taints
 * against its tolerations plus the daemon defaults), pinned with node affinity for the scheduler; failed pods and pods
 * on nodes that no longer qualify are deleted — except under a new NoSchedule taint, where they keep running
 * (counted as misscheduled); RollingUpdate replaces out-of-date pods node by node within
 * `maxUnavailable`; the status `kubectl rollout status` reads.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export function reconcileDaemonSets(ctx: ControllerContext): void {
  const dsType = ctx.type('DaemonSet');
  const podType = ctx.type('Pod');
  const sets = ctx.store.list(dsType).items;
  if (sets.length === 0) return;
  const nodes = ctx.store.list(ctx.type('Node')).items;
  const allPods = ctx.store.list(podType).items;
  const allRevisions = ctx.store.list(ctx.type('ControllerRevision')).items;
  for (const ds of sets) {
    if (!ctx.begin(ds)) continue;
    if (ds.metadata.deletionTimestamp) continue;
    const spec = ds.spec as DaemonSetSpec;
    const revisions = ownedRevisions(ctx, ds, allRevisions);
    const update = ensureRevision(ctx, ds, revisions);
    const known = revisions.filter((r) => r.metadata.name !== update.metadata.name).concat(update);
    const hash = String(update.metadata.labels?.[REVISION_HASH]);
    const remove = (pod: KubeObject) => {
      ctx.store.delete(podType, pod.metadata.namespace, pod.metadata.name);
      ctx.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
    };
    const byNode = new Map<string, KubeObject[]>();
    for (const pod of allPods) {
      if (pod.metadata.namespace !== ds.metadata.namespace || !isOwnedBy(pod, ds) || pod.metadata.deletionTimestamp)
        continue;
      if (phaseOf(pod) === 'Failed') {
        remove(pod);
        continue;
      }
      const node = nodeOf(pod) ?? '';
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    const template = revisionTemplate(update);
    const eligible = nodes.filter((n) => shouldRunOn((template.spec ?? {}) as Json, n)).map((n) => n.metadata.name);
    let misscheduled = 0;
    for (const [node, pods] of byNode) {
      if (eligible.includes(node)) continue;
      const where = nodes.find((n) => n.metadata.name === node);
      if (where && shouldRunOn((template.spec ?? {}) as Json, where, ['NoExecute'])) {
        misscheduled += pods.length;
        continue;
      }
      for (const pod of pods) remove(pod);
      byNode.delete(node);
    }
    const create = (node: string) => {
      const pod = createPodFromTemplate(ctx, ds, template, {
        name: `${ds.metadata.name}-${ctx.suffix()}`,
        labels: { [REVISION_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        spec: pinTo(node),
        source: SOURCE,
      });
      if (pod) ctx.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
      return pod;
    };
    const rolling = (spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
    const limits = rolloutLimits(spec.updateStrategy?.rollingUpdate, eligible.length);
    for (const node of eligible) {
      const pods = (byNode.get(node) ?? []).sort(
        (a, b) =>
          Number(a.metadata.labels?.[REVISION_LABEL] === hash) - Number(b.metadata.labels?.[REVISION_LABEL] === hash),
      );
      if (pods.length === 0) {
        const pod = create(node);
        if (pod) byNode.set(node, [pod]);
      } else if (pods.length > 2 || (pods.length === 2 && !(rolling && limits.maxSurge > 0))) {
        const keep = pods.find((p) => p.metadata.labels?.[REVISION_LABEL] === hash) ?? pods[0]!;
        for (const pod of pods) if (pod !== keep) remove(pod);
        byNode.set(node, [keep]);
      }
    }
    if (rolling) stepRollout({ byNode, eligible, hash, ...limits, create, remove });
    writeStatus(ctx, ds, eligible, byNode, hash, misscheduled);
    const inUse = new Set([update.metadata.name]);
    for (const r of known)
      if (
        [...byNode.values()]
          .flat()
          .some((p) => p.metadata.labels?.[REVISION_LABEL] === r.metadata.labels?.[REVISION_HASH])
      )
        inUse.add(r.metadata.name);
    trimRevisions(ctx, known, inUse, spec.revisionHistoryLimit ?? 10);
  }
}

function writeStatus(
  ctx: ControllerContext,
  ds: KubeObject,
  eligible: string[],
  byNode: Map<string, KubeObject[]>,
  hash: string,
  misscheduled: number,
): void {
  const running = eligible.map((n) => byNode.get(n)?.[0]).filter((p): p is KubeObject => p !== undefined);
  const ready = running.filter(isPodReady).length;
  const updated = running.filter((p) => p.metadata.labels?.[REVISION_LABEL] === hash).length;
  const status: Json = {
    currentNumberScheduled: running.length,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: eligible.length,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    ...(updated > 0 ? { updatedNumberScheduled: updated } : {}),
    ...(ready > 0 ? { numberAvailable: ready } : {}),
    ...(eligible.length - ready > 0 ? { numberUnavailable: eligible.length - ready } : {}),
  };
  if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {}))
    ctx.store.update(ctx.type('DaemonSet'), { ...unversioned(ds), status }, { subresource: 'status' });
}
