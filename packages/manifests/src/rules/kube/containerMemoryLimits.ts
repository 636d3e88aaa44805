import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container without a memory limit: a leak can exhaust the node's memory and trigger node-level OOM kills.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const containerMemoryLimits = kubeRule({
  id: 'container-memory-limits',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'WARNING',
  description: 'Containers must set resources.limits.memory',
  fix: 'set resources.limits.memory (e.g. 256Mi)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.resources?.limits?.memory === undefined)
      .map(({ path, name }) => ({ message: `container "${name}" sets no memory limit`, path: `${path}.resources` })),
});
