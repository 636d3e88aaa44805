import { kubeRule } from '../kubeRule.js';

/**
 * An HPA allowed to scale to one replica gives up availability at quiet times.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export const hpaMinReplicas = kubeRule({
  id: 'hpa-min-replicas',
  appliesTo: ['HorizontalPodAutoscaler'],
  category: 'reliability',
  severity: 'WARNING',
  description: 'HPA minReplicas should be at least 2',
  fix: 'set spec.minReplicas: 2',
  check: (obj) => {
    const min = obj.spec?.minReplicas ?? 1;
    return typeof min === 'number' && min < 2
      ? [{ message: `the HPA may scale down to ${min} replica`, path: 'spec.minReplicas' }]
      : [];
  },
});
