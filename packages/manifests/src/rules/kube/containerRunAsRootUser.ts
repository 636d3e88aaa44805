import { containersOf, podSpecOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * `runAsUser: 0` runs the container as root whatever the image says.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const containerRunAsRootUser = kubeRule({
  id: 'container-run-as-root-user',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Containers must not set runAsUser: 0',
  fix: 'set runAsUser to a non-zero uid (e.g. 10001)',
  check: (obj) => {
    const podUser = podSpecOf(obj)?.spec.securityContext?.runAsUser;
    return containersOf(obj)
      .filter(({ c }) => (c.securityContext?.runAsUser ?? podUser) === 0)
      .map(({ c, path, name }) => ({
        message: `container "${name}" runs as uid 0 (root)`,
        path: c.securityContext?.runAsUser === 0 ? `${path}.securityContext.runAsUser` : path,
      }));
  },
});
