import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container without a memory request: the scheduler may overcommit the node and it is first to be evicted.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const containerMemoryRequests = kubeRule({
  id: 'container-memory-requests',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'WARNING',
  description: 'Containers must set resources.requests.memory',
  fix: 'set resources.requests.memory (e.g. 128Mi)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.resources?.requests?.memory === undefined)
      .map(({ path, name }) => ({ message: `container "${name}" sets no memory request`, path: `${path}.resources` })),
});
