import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container without a cpu limit: one busy container can take a whole node's CPU.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const containerCpuLimits = kubeRule({
  id: 'container-cpu-limits',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'INFO',
  description: 'Containers must set resources.limits.cpu',
  fix: 'set resources.limits.cpu (e.g. 500m)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.resources?.limits?.cpu === undefined)
      .map(({ path, name }) => ({ message: `container "${name}" sets no cpu limit`, path: `${path}.resources` })),
});
