import { kubeRule, namespaceOf } from '../kubeRule.js';
import { workloadsSelectedBy } from '../selectWorkloads.js';

/**
 * A Service whose selector matches no workload has no endpoints. Checked only when the input holds workloads
 * of the Service's namespace, since the workload may be deployed separately.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export const serviceSelectorMatches = kubeRule({
  id: 'service-selector-matches',
  appliesTo: ['Service'],
  category: 'reliability',
  severity: 'WARNING',
  description: "A Service's selector must match the pod labels of a workload in the input",
  fix: 'make spec.selector equal to the pod template labels of the workload it fronts',
  check: (obj, ctx) => {
    const selector = obj.spec?.selector;
    if (typeof selector !== 'object' || selector === null || obj.spec?.type === 'ExternalName') return [];
    const ns = namespaceOf(obj);
    const sameNs = ctx.workloadsIn(ns).length > 0;
    if (!sameNs || workloadsSelectedBy(ctx, ns, selector).length > 0) return [];
    return [{ message: 'the Service selects no pods of the workloads in the input', path: 'spec.selector' }];
  },
});
