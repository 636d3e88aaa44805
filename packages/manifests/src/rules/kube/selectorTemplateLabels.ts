import { podSpecOf } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A workload's selector must match its pod template's labels, or the API server rejects it (or, for old
 * APIs, the controller never sees its pods).
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
 */
export const selectorTemplateLabels = kubeRule({
  id: 'selector-template-labels',
  appliesTo: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  category: 'reliability',
  severity: 'ERROR',
  description: 'spec.selector.matchLabels must match the pod template labels',
  fix: 'make spec.selector.matchLabels a subset of spec.template.metadata.labels',
  check: (obj) => {
    const match = obj.spec?.selector?.matchLabels;
    const labels = podSpecOf(obj)?.metadata.labels ?? {};
    if (typeof match !== 'object' || match === null) {
      if (obj.spec?.selector?.matchExpressions) return [];
      return [{ message: `${obj.kind} has no spec.selector.matchLabels`, path: 'spec.selector' }];
    }
    return Object.entries(match as Record<string, unknown>)
      .filter(([k, v]) => labels[k] !== v)
      .map(([k, v]) => ({
        message: `selector ${k}=${String(v)} does not match the template label (${labels[k] === undefined ? 'absent' : String(labels[k])})`,
        path: `spec.selector.matchLabels["${k}"]`,
      }));
  },
});
