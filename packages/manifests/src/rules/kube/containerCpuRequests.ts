import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container without a cpu request: the scheduler cannot place it sensibly and it is first to be starved.
 * @see https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
export const containerCpuRequests = kubeRule({
  id: 'container-cpu-requests',
  appliesTo: WORKLOAD_KINDS,
  category: 'efficiency',
  severity: 'WARNING',
  description: 'Containers must set resources.requests.cpu',
  fix: 'set resources.requests.cpu (e.g. 100m)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.resources?.requests?.cpu === undefined)
      .map(({ path, name }) => ({ message: `container "${name}" sets no cpu request`, path: `${path}.resources` })),
});
