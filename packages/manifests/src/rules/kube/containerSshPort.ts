import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * An SSH server in a container is an unmanaged way in; use `kubectl exec` or debug containers instead.
 * @see https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/
 */
export const containerSshPort = kubeRule({
  id: 'container-ssh-port',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers should not expose port 22 (SSH)',
  fix: 'remove the SSH server and port 22; use kubectl exec or ephemeral debug containers',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (Array.isArray(c.ports) ? c.ports : []).flatMap((p: { containerPort?: unknown }, i: number) =>
        p?.containerPort === 22
          ? [{ message: `container "${name}" exposes port 22`, path: `${path}.ports[${i}].containerPort` }]
          : [],
      ),
    ),
});
