import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Containers must not run privileged: a privileged container has every capability and the host's devices.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const containerPrivileged = kubeRule({
  id: 'container-privileged',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not run privileged',
  fix: 'remove securityContext.privileged (or set it to false)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.securityContext?.privileged === true)
      .map(({ path, name }) => ({
        message: `container "${name}" runs privileged`,
        path: `${path}.securityContext.privileged`,
      })),
});
