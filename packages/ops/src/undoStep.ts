import type { ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';
import { inversePatch } from './inversePatch.js';

/** How to take one applied step back, decided before it ran from the live state it changed. */
export type Undo = { run: () => Promise<void>; what: string } | { impossible: string };

const RECREATABLE = new Set([
  'ConfigMap',
  'Service',
  'Deployment',
  'DaemonSet',
  'Job',
  'CronJob',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ServiceAccount',
]);

/**
 * Plans the undo of a step from `before` (the object before the step ran, undefined when it did not exist):
 * scale back, re-apply the previous field values, roll back to the revision that was current, uncordon (after a
 * drain too, saying that its evicted pods are re-created by their controllers, not restored), re-create a deleted
 * object that holds no data. What cannot be undone says why.
 */
export function undoStep(gateway: ClusterGateway, step: PlanStep, before: KubeObject | undefined): Undo {
  switch (step.op) {
    case 'scale': {
      const replicas = (before?.spec as { replicas?: number } | undefined)?.replicas ?? step.fromReplicas;
      if (replicas === undefined) return { impossible: 'the previous replica count is unknown' };
      return { what: `scale back to ${replicas}`, run: async () => void (await gateway.scale(step.target, replicas)) };
    }
    case 'apply': {
      const ref = {
        kind: step.object.kind,
        name: step.object.metadata.name,
        namespace: step.object.metadata.namespace,
      };
      if (!before) return { what: `delete the created ${ref.kind}`, run: () => gateway.delete(ref) };
      const { apiVersion: _a, kind: _k, metadata, ...rest } = step.object;
      const { name: _n, namespace: _ns, ...meta } = metadata;
      const inverse = inversePatch({ ...rest, metadata: meta }, before as never);
      return { what: 'patch the previous values back', run: async () => void (await gateway.patch(ref, inverse)) };
    }
    case 'rolloutUndo':
    case 'rolloutRestart': {
      if (step.op === 'rolloutRestart') return { impossible: 'a restart cannot be taken back: the old pods are gone' };
      const revision = Number(before?.metadata.annotations?.['deployment.kubernetes.io/revision']);
      if (!Number.isInteger(revision) || revision < 1) return { impossible: 'the previous revision is unknown' };
      return {
        what: `roll back to revision ${revision}`,
        run: async () => void (await gateway.rolloutUndo(step.target, { toRevision: revision })),
      };
    }
    case 'cordon':
    case 'uncordon': {
      const restore = restoreSchedulable(gateway, step.target.name, before);
      return { what: restore.unschedulable ? 'cordon again' : 'uncordon', run: restore.run };
    }
    case 'drain': {
      // The node goes back to what it was; the pods are not brought back: an eviction cannot be reversed, and the
      // controllers of the evicted pods have already re-created them wherever the scheduler put them.
      const name = step.target.name;
      const restore = restoreSchedulable(gateway, name, before);
      return {
        what: `${restore.unschedulable ? `leave node ${name} cordoned as it was` : `uncordon node ${name}`}; evicted pods are not restored: their controllers re-create them (on any schedulable node)`,
        run: restore.run,
      };
    }
    case 'delete': {
      if (!before) return { impossible: 'nothing was there to restore' };
      if (!RECREATABLE.has(before.kind))
        return { impossible: `a deleted ${before.kind} cannot be restored with its data` };
      const {
        uid: _u,
        resourceVersion: _r,
        creationTimestamp: _c,
        generation: _g,
        managedFields: _m,
        ...metadata
      } = before.metadata as KubeObject['metadata'] & { managedFields?: unknown };
      const { status: _s, ...rest } = before;
      return {
        what: `re-create ${before.kind} ${before.metadata.name}`,
        run: async () => void (await gateway.apply({ ...rest, metadata }, { force: true })),
      };
    }
    default:
      return { impossible: 'a read changes nothing' };
  }
}

/** Puts a node's `spec.unschedulable` back to what it was `before` a cordon, uncordon or drain. */
function restoreSchedulable(gateway: ClusterGateway, name: string, before: KubeObject | undefined) {
  const unschedulable = Boolean((before?.spec as { unschedulable?: boolean } | undefined)?.unschedulable);
  return {
    unschedulable,
    run: async () => void (await gateway.patch({ kind: 'Node', name }, { spec: { unschedulable } })),
  };
}
