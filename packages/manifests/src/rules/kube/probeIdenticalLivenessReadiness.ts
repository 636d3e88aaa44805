import { isDeepStrictEqual } from 'node:util';
import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const HANDLERS = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;

/**
 * When liveness checks exactly what readiness checks, a slow dependency restarts healthy containers instead of
 * only taking them out of rotation.
 * @see https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
export const probeIdenticalLivenessReadiness = kubeRule({
  id: 'probe-identical-liveness-readiness',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'INFO',
  description: 'Liveness and readiness probes should not check the same endpoint',
  fix: 'point liveness at a cheap "process is alive" endpoint and readiness at one that checks dependencies',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const l = c.livenessProbe;
      const r = c.readinessProbe;
      if (!l || !r) return [];
      const same = HANDLERS.some((h) => l[h] !== undefined && isDeepStrictEqual(l[h], r[h]));
      return same
        ? [{ message: `container "${name}" probes liveness and readiness the same way`, path: `${path}.livenessProbe` }]
        : [];
    }),
});
