import { kubeRule, namespaceOf } from '../kubeRule.js';
import { hasWorkload } from '../selectWorkloads.js';

/**
 * An HPA whose target is not part of the same input usually has a typo in scaleTargetRef. Checked only when the
 * input holds workloads of the HPA's namespace.
 * @see https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
 */
export const hpaTargetExists = kubeRule({
  id: 'hpa-target-exists',
  appliesTo: ['HorizontalPodAutoscaler'],
  category: 'reliability',
  severity: 'WARNING',
  description: "An HPA's scaleTargetRef must name a workload of the input",
  fix: 'fix scaleTargetRef kind and name to those of the workload',
  check: (obj, ctx) => {
    const ref = obj.spec?.scaleTargetRef;
    const ns = namespaceOf(obj);
    if (ctx.workloadsIn(ns).length === 0 || hasWorkload(ctx, ns, ref?.kind, ref?.name)) return [];
    return [
      {
        message: `scaleTargetRef ${String(ref?.kind)}/${String(ref?.name)} is not in the input`,
        path: 'spec.scaleTargetRef',
      },
    ];
  },
});
