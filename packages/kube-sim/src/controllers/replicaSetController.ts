import { admitControllerPod } from '../admission/admitObject.js';
import { admitPodSpec, qosClassOf } from '../api/defaultPodSpec.js';
import type { KubeObject } from '../store/kubeObject.js';
import type { ControllerContext } from './controllerContext.js';
import { controllerRef, isOwnedBy, unversioned } from './ownership.js';

type Json = Record<string, unknown>;

/** Whether a pod counts as ready (its Ready condition is True). */
export function isPodReady(pod: KubeObject): boolean {
  return (
    ((pod.status as Json | undefined)?.conditions as Json[] | undefined)?.some(
      (c) => c.type === 'Ready' && c.status === 'True',
    ) ?? false
  );
}

/** The `ReplicaFailure` condition of a ReplicaSet whose last pod creation was refused (kept while it is). */
function replicaFailure(rs: KubeObject, failure: string | undefined, now: string): { conditions?: Json[] } {
  if (!failure) return {};
  const previous = ((rs.status as Json | undefined)?.conditions as Json[] | undefined)?.find(
    (c) => c.type === 'ReplicaFailure',
  );
  const since = previous?.message === failure ? previous.lastTransitionTime : now;
  return {
    conditions: [
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: since, reason: 'FailedCreate', message: failure },
    ],
  };
}

/**
 * Keeps each ReplicaSet's pods at its replica count: creates `<rs>-<5 chars>` pods from the template (owned by the
 * ReplicaSet), deletes the surplus (not-ready first), and reports replicas, ready and available counts.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/
 */
export function reconcileReplicaSets(ctx: ControllerContext): void {
  const rsType = ctx.type('ReplicaSet');
  const podType = ctx.type('Pod');
  const pods = ctx.store.list(podType).items;
  for (const rs of ctx.store.list(rsType).items) {
    if (!ctx.begin(rs)) continue;
    if (rs.metadata.deletionTimestamp) continue;
    const spec = rs.spec as { replicas?: number; template?: { metadata?: Json; spec?: Json } };
    const want = spec.replicas ?? 1;
    const owned = pods.filter(
      (p) => p.metadata.namespace === rs.metadata.namespace && isOwnedBy(p, rs) && !p.metadata.deletionTimestamp,
    );
    let failure: string | undefined;
    if (owned.length < want) {
      for (let i = owned.length; i < want; i++) {
        const template = structuredClone(spec.template ?? {});
        const podSpec = (template.spec ?? {}) as Json;
        admitPodSpec(podSpec);
        const candidate: KubeObject = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: `${rs.metadata.name}-${ctx.suffix()}`,
            namespace: rs.metadata.namespace,
            labels: (template.metadata?.labels as Record<string, string>) ?? {},
            annotations: (template.metadata?.annotations as Record<string, string>) ?? undefined,
            ownerReferences: [controllerRef(rs)],
          },
          spec: podSpec,
        };
        // LimitRange defaults and ResourceQuota, as the API server admits a pod the controller posts.
        const refused = admitControllerPod(ctx, candidate);
        if (refused) {
          failure = refused.message;
          ctx.event(rs, 'Warning', 'FailedCreate', `Error creating: ${failure}`, 'replicaset-controller');
          break;
        }
        const pod = ctx.store.create(podType, {
          ...candidate,
          status: { phase: 'Pending', qosClass: qosClassOf(podSpec) },
        });
        owned.push(pod);
        ctx.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, 'replicaset-controller');
      }
    } else if (owned.length > want) {
      const surplus = [...owned]
        .sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)))
        .slice(0, owned.length - want);
      for (const pod of surplus) {
        ctx.store.delete(podType, pod.metadata.namespace, pod.metadata.name);
        owned.splice(owned.indexOf(pod), 1);
        ctx.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, 'replicaset-controller');
      }
    }
    const ready = owned.filter(isPodReady).length;
    const status = {
      replicas: owned.length,
      fullyLabeledReplicas: owned.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation,
      ...replicaFailure(rs, failure, ctx.timestamp()),
    };
    if (JSON.stringify(status) !== JSON.stringify(rs.status ?? {})) {
      ctx.store.update(rsType, { ...unversioned(rs), status }, { subresource: 'status' });
    }
  }
}
