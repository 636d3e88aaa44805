import { kubeRule } from '../kubeRule.js';

/**
 * Without `unhealthyPodEvictionPolicy: AlwaysAllow`, pods that are running but not ready count against the budget:
 * a crash-looping workload at its budget blocks node drains. kube-linter: pdb-unhealthy-pod-eviction-policy.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy
 */
export const pdbUnhealthyEvictionPolicy = kubeRule({
  id: 'pdb-unhealthy-eviction-policy',
  appliesTo: ['PodDisruptionBudget'],
  category: 'reliability',
  severity: 'INFO',
  description: 'PodDisruptionBudgets should let unhealthy pods be evicted (unhealthyPodEvictionPolicy: AlwaysAllow)',
  fix: 'set spec.unhealthyPodEvictionPolicy: AlwaysAllow',
  check: (obj) => {
    if (obj.apiVersion !== 'policy/v1') return [];
    const policy = obj.spec?.unhealthyPodEvictionPolicy;
    if (policy === 'AlwaysAllow') return [];
    return [
      {
        message:
          policy === undefined
            ? 'unhealthy pods count against the budget (no unhealthyPodEvictionPolicy): a drain can block on them'
            : `unhealthyPodEvictionPolicy is ${String(policy)}: unhealthy pods can block a drain`,
        path: policy === undefined ? 'spec' : 'spec.unhealthyPodEvictionPolicy',
      },
    ];
  },
});
