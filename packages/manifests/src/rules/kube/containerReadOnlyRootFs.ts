import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A read-only root filesystem stops an intruder from writing tools or changing binaries in the container.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
 */
export const containerReadOnlyRootFs = kubeRule({
  id: 'container-read-only-root-fs',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers should set readOnlyRootFilesystem: true',
  fix: 'set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app writes',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.securityContext?.readOnlyRootFilesystem !== true)
      .map(({ path, name }) => ({
        message: `container "${name}" has a writable root filesystem`,
        path: `${path}.securityContext`,
      })),
});
