import { kubeRule } from '../kubeRule.js';

/**
 * maxReplicas below minReplicas is rejected by the API server; equal values make the HPA pointless.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export const hpaMaxReplicas = kubeRule({
  id: 'hpa-max-replicas',
  appliesTo: ['HorizontalPodAutoscaler'],
  category: 'efficiency',
  severity: 'ERROR',
  description: 'HPA maxReplicas must be greater than minReplicas',
  fix: 'raise spec.maxReplicas above spec.minReplicas',
  check: (obj) => {
    const min = obj.spec?.minReplicas ?? 1;
    const max = obj.spec?.maxReplicas;
    if (typeof max !== 'number' || typeof min !== 'number' || max > min) return [];
    return [
      {
        message: `maxReplicas ${max} is ${max === min ? 'equal to' : 'below'} minReplicas ${min}`,
        path: 'spec.maxReplicas',
        severity: max === min ? ('WARNING' as const) : undefined,
      },
    ];
  },
});
