import { replicasOf } from '../../kube/podSpec.js';
import { kubeRule, namespaceOf } from '../kubeRule.js';
import { workloadsSelectedBy } from '../selectWorkloads.js';

/**
 * `maxUnavailable: 0`, or `minAvailable` equal to the replica count, forbids every voluntary eviction: node
 * drains and cluster upgrades hang.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#think-about-how-your-application-reacts-to-disruptions
 */
export const pdbBlocksEviction = kubeRule({
  id: 'pdb-blocks-eviction',
  appliesTo: ['PodDisruptionBudget'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'A PodDisruptionBudget must allow at least one pod to be evicted',
  fix: 'use maxUnavailable: 1 (or minAvailable below the replica count)',
  check: (obj, ctx) => {
    const spec = obj.spec ?? {};
    if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0%') {
      return [{ message: 'maxUnavailable 0 forbids every eviction', path: 'spec.maxUnavailable' }];
    }
    if (spec.minAvailable === '100%')
      return [{ message: 'minAvailable 100% forbids every eviction', path: 'spec.minAvailable' }];
    if (typeof spec.minAvailable !== 'number') return [];
    const blocked = workloadsSelectedBy(ctx, namespaceOf(obj), spec.selector?.matchLabels).filter(
      (w) => (replicasOf(w.obj) ?? Number.POSITIVE_INFINITY) <= spec.minAvailable,
    );
    return blocked.map((w) => ({
      message: `minAvailable ${spec.minAvailable} leaves no pod of ${w.ref} (${replicasOf(w.obj)} replicas) evictable`,
      path: 'spec.minAvailable',
    }));
  },
});
