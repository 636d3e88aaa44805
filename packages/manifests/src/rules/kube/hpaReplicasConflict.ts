import { kubeRule } from '../kubeRule.js';
import { autoscalersOf } from '../selectWorkloads.js';

/**
 * When an HPA scales a workload, a `replicas` in the manifest resets the scale on every apply.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling
 */
export const hpaReplicasConflict = kubeRule({
  id: 'hpa-replicas-conflict',
  appliesTo: ['Deployment', 'StatefulSet'],
  category: 'efficiency',
  severity: 'INFO',
  description: 'Workloads scaled by an HPA should not set spec.replicas',
  fix: 'remove spec.replicas and let the HPA own the scale',
  check: (obj, ctx) =>
    obj.spec?.replicas !== undefined && autoscalersOf(ctx, obj).length > 0
      ? [{ message: `${obj.kind} sets replicas although an HPA scales it`, path: 'spec.replicas' }]
      : [],
});
