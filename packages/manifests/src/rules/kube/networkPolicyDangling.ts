import { kubeRule, namespaceOf } from '../kubeRule.js';
import { workloadsSelectedBy } from '../selectWorkloads.js';

/**
 * A NetworkPolicy whose pod selector matches none of the workloads deployed with it (same namespace, same input
 * root) protects nothing: usually a label typo. Only judged when that namespace has workloads in the input (a
 * folder of policies alone is applied next to workloads kept elsewhere). kube-linter: dangling-networkpolicy.
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export const networkPolicyDangling = kubeRule({
  id: 'network-policy-dangling',
  appliesTo: ['NetworkPolicy'],
  category: 'security',
  severity: 'WARNING',
  description: 'A NetworkPolicy must select some pods of the workloads deployed with it',
  fix: 'correct spec.podSelector to the pod labels of the workload it protects',
  check: (obj, ctx) => {
    const selector = obj.spec?.podSelector;
    const labels = selector?.matchLabels;
    // An empty selector selects every pod; matchExpressions are left alone (no false alarm).
    if (typeof labels !== 'object' || labels === null || Object.keys(labels).length === 0) return [];
    if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0) return [];
    const ns = namespaceOf(obj);
    if (ctx.workloadsIn(ns).length === 0 || workloadsSelectedBy(ctx, ns, labels).length > 0) return [];
    const text = Object.entries(labels)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
    return [{ message: `the pod selector ${text} matches no workload in namespace ${ns}`, path: 'spec.podSelector' }];
  },
});
