import { containersOf, podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

/**
 * A seccomp profile (RuntimeDefault or Localhost) filters the system calls a container may make.
 * @see https://kubernetes.io/docs/tutorials/security/seccomp/
 */
export const podSeccompProfile = kubeRule({
  id: 'pod-seccomp-profile',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Pods must set a seccomp profile of type RuntimeDefault or Localhost',
  fix: 'set securityContext.seccompProfile.type: RuntimeDefault on the pod',
  check: (obj) => {
    const pod = podSpecOf(obj);
    if (!pod) return [];
    const podType = pod.spec.securityContext?.seccompProfile?.type;
    return containersOf(obj)
      .filter(({ c }) => !ALLOWED.has(c.securityContext?.seccompProfile?.type ?? podType))
      .map(({ path, name }) => ({
        message: `container "${name}" runs without a RuntimeDefault or Localhost seccomp profile`,
        path: `${path}.securityContext`,
      }));
  },
});
