import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/**
 * A probe naming a port the container does not declare always fails, and the pod never becomes ready.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const probePortExists = kubeRule({
  id: 'probe-port-exists',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'ERROR',
  description: 'A probe using a named port must name a port the container declares',
  fix: 'use a port name from the container ports, or the port number',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const names = new Set(
        (Array.isArray(c.ports) ? c.ports : []).map((p: { name?: unknown }) => p?.name).filter(Boolean),
      );
      return PROBES.flatMap((probe) => {
        const handler = c[probe]?.httpGet ?? c[probe]?.tcpSocket;
        const port = handler?.port;
        if (typeof port !== 'string' || /^\d+$/.test(port) || names.has(port)) return [];
        const kind = c[probe]?.httpGet ? 'httpGet' : 'tcpSocket';
        return [
          {
            message: `container "${name}" ${probe} uses port "${port}" that the container does not declare`,
            path: `${path}.${probe}.${kind}.port`,
          },
        ];
      });
    }),
});
