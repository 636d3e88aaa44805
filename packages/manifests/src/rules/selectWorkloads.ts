import type { KubeObj, KubeResource } from '../kube/kubeResource.js';
import { podSpecOf, selectorMatches, WORKLOAD_KINDS } from '../kube/podSpec.js';
import { type KubeRuleContext, namespaceOf } from './kubeRule.js';

/** The workloads of the run, in `namespace`, whose pod labels match `selector` (a label map). */
export function workloadsSelectedBy(ctx: KubeRuleContext, namespace: string, selector: unknown): KubeResource[] {
  if (typeof selector !== 'object' || selector === null) return [];
  return ctx
    .workloadsIn(namespace)
    .filter((r) => WORKLOAD_KINDS.includes(r.obj.kind) && selectorMatches(selector, podSpecOf(r.obj)?.metadata.labels));
}

/** The PodDisruptionBudgets of the run that cover `obj`'s pods. */
export function budgetsCovering(ctx: KubeRuleContext, obj: KubeObj): KubeResource[] {
  const labels = podSpecOf(obj)?.metadata.labels;
  return ctx
    .inNamespace('PodDisruptionBudget', namespaceOf(obj))
    .filter((p) => selectorMatches(p.obj.spec?.selector?.matchLabels, labels));
}

/** The HorizontalPodAutoscalers of the run scaling `obj`. */
export function autoscalersOf(ctx: KubeRuleContext, obj: KubeObj): KubeResource[] {
  return ctx
    .inNamespace('HorizontalPodAutoscaler', namespaceOf(obj))
    .filter((h) => h.obj.spec?.scaleTargetRef?.kind === obj.kind && h.obj.spec?.scaleTargetRef?.name === obj.metadata?.name);
}
