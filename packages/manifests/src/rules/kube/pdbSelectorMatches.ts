import { kubeRule, namespaceOf } from '../kubeRule.js';
import { workloadsSelectedBy } from '../selectWorkloads.js';

/**
 * A PodDisruptionBudget selecting no pods protects nothing. Checked only when the input holds workloads of its
 * namespace.
 * @see https://kubernetes.io/docs/tasks/run-application/configure-pdb/
 */
export const pdbSelectorMatches = kubeRule({
  id: 'pdb-selector-matches',
  appliesTo: ['PodDisruptionBudget'],
  category: 'reliability',
  severity: 'WARNING',
  description: "A PodDisruptionBudget's selector must match a workload of the input",
  fix: 'make spec.selector.matchLabels equal to the pod labels of the workload',
  check: (obj, ctx) => {
    const ns = namespaceOf(obj);
    const any = ctx.workloadsIn(ns).length > 0;
    if (!any || workloadsSelectedBy(ctx, ns, obj.spec?.selector?.matchLabels).length > 0) return [];
    return [
      { message: 'the PodDisruptionBudget selects no pods of the workloads in the input', path: 'spec.selector' },
    ];
  },
});
