import { WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * The `app.kubernetes.io/name` label lets tools (and people) group an application's objects.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 */
export const labelRecommended = kubeRule({
  id: 'label-recommended',
  appliesTo: [...WORKLOAD_KINDS, 'Service'],
  category: 'reliability',
  severity: 'INFO',
  description: 'Workloads should carry the app.kubernetes.io/name label',
  fix: 'add metadata.labels["app.kubernetes.io/name"]',
  check: (obj) =>
    typeof obj.metadata?.labels?.['app.kubernetes.io/name'] === 'string'
      ? []
      : [{ message: `${obj.kind} lacks the app.kubernetes.io/name label`, path: 'metadata' }],
});
