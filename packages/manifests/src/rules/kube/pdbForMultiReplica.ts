import { replicasOf } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';
import { autoscalersOf, budgetsCovering } from '../selectWorkloads.js';

/**
 * A workload with several replicas needs a PodDisruptionBudget so a node drain cannot evict all of them at once.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export const pdbForMultiReplica = kubeRule({
  id: 'pdb-for-multi-replica',
  appliesTo: ['Deployment', 'StatefulSet'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'Workloads with 2 or more replicas need a PodDisruptionBudget',
  fix: 'add a PodDisruptionBudget (e.g. maxUnavailable: 1) selecting the pod labels',
  check: (obj, ctx) => {
    const replicas = Math.max(
      replicasOf(obj) ?? 1,
      ...autoscalersOf(ctx, obj).map((h) => Number(h.obj.spec?.minReplicas ?? 1)),
    );
    if (replicas < 2 || budgetsCovering(ctx, obj).length > 0) return [];
    return [{ message: `${obj.kind} runs ${replicas} replicas without a PodDisruptionBudget`, path: 'spec' }];
  },
});
