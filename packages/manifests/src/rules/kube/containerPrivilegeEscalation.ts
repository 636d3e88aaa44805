import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `allowPrivilegeEscalation: false` stops setuid binaries from gaining more privileges than their parent.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const containerPrivilegeEscalation = kubeRule({
  id: 'container-privilege-escalation',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers must set allowPrivilegeEscalation to false',
  fix: 'set securityContext.allowPrivilegeEscalation: false on the container',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.securityContext?.allowPrivilegeEscalation !== false)
      .map(({ path, name }) => ({
        message: `container "${name}" does not set allowPrivilegeEscalation: false`,
        path: `${path}.securityContext`,
      })),
});
