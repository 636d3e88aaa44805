import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A hostPort binds the node's port: it limits scheduling to one pod per node and bypasses network policy.
 * @see https://kubernetes.io/docs/concepts/configuration/overview/#services
 */
export const containerHostPort = kubeRule({
  id: 'container-host-port',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers must not use hostPort',
  fix: 'remove hostPort and expose the port through a Service',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (Array.isArray(c.ports) ? c.ports : [])
        .map((p: { hostPort?: unknown }, i: number) => ({ p, i }))
        .filter(({ p }: { p: { hostPort?: unknown } }) => p?.hostPort !== undefined && p.hostPort !== 0)
        .map(({ p, i }: { p: { hostPort?: unknown }; i: number }) => ({
          message: `container "${name}" binds host port ${String(p.hostPort)}`,
          path: `${path}.ports[${i}].hostPort`,
        })),
    ),
});
