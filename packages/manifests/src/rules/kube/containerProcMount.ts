import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `procMount: Unmasked` exposes the host's /proc paths that are normally masked.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
 */
export const containerProcMount = kubeRule({
  id: 'container-proc-mount',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not set procMount: Unmasked',
  fix: 'remove securityContext.procMount (Default)',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => c.securityContext?.procMount === 'Unmasked')
      .map(({ path, name }) => ({
        message: `container "${name}" unmasks /proc`,
        path: `${path}.securityContext.procMount`,
      })),
});
