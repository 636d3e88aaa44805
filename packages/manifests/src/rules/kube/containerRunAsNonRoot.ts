import { containersOf, podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Containers must be required to run as a non-root user (`runAsNonRoot: true` on the pod or the container).
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const containerRunAsNonRoot = kubeRule({
  id: 'container-run-as-non-root',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers must set runAsNonRoot: true (pod or container securityContext)',
  fix: 'set securityContext.runAsNonRoot: true on the pod (and a non-zero runAsUser)',
  check: (obj) => {
    const podValue = podSpecOf(obj)?.spec.securityContext?.runAsNonRoot;
    return containersOf(obj)
      .filter(({ c }) => (c.securityContext?.runAsNonRoot ?? podValue) !== true)
      .map(({ path, name }) => ({ message: `container "${name}" may run as root`, path: `${path}.securityContext` }));
  },
});
