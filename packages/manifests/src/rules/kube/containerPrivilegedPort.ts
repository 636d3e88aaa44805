import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A container port below 1024 needs root or NET_BIND_SERVICE inside the container; serve on a high port and let
 * the Service map the well-known one (`port: 80, targetPort: 8080`). kube-linter: privileged-ports.
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
export const containerPrivilegedPort = kubeRule({
  id: 'container-privileged-port',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'INFO',
  description: 'Containers should listen on ports of 1024 and above (no root needed to bind them)',
  fix: 'listen on a port ≥ 1024 in the container and map the well-known port in the Service (targetPort)',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (Array.isArray(c.ports) ? c.ports : []).flatMap((p: { containerPort?: unknown }, i: number) => {
        const port = p?.containerPort;
        // Port 22 is container-ssh-port's.
        return typeof port === 'number' && port > 0 && port < 1024 && port !== 22
          ? [
              {
                message: `container "${name}" listens on privileged port ${port}`,
                path: `${path}.ports[${i}].containerPort`,
              },
            ]
          : [];
      }),
    ),
});
