import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Container names (init containers included) must be unique within a pod; the API server rejects duplicates.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container
 */
export const containerNameUnique = kubeRule({
  id: 'container-name-unique',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'ERROR',
  description: 'Container names must be unique within a pod',
  fix: 'rename one of the containers',
  check: (obj) => {
    const seen = new Set<string>();
    return containersOf(obj).flatMap(({ c, path, name }) => {
      if (typeof c.name !== 'string') return [];
      if (!seen.has(name)) {
        seen.add(name);
        return [];
      }
      return [{ message: `container name "${name}" is used twice`, path: `${path}.name` }];
    });
  },
});
