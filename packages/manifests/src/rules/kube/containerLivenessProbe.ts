import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A liveness probe restarts a container that hangs. Jobs and init containers are exempt.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const containerLivenessProbe = kubeRule({
  id: 'container-liveness-probe',
  appliesTo: WORKLOAD_KINDS.filter((k) => k !== 'Job' && k !== 'CronJob' && k !== 'Pod'),
  category: 'reliability',
  severity: 'WARNING',
  description: 'Long-running containers must define a livenessProbe',
  fix: 'add a livenessProbe (httpGet, tcpSocket, grpc or exec) to the container',
  check: (obj) =>
    containersOf(obj, false)
      .filter(({ c }) => typeof c.livenessProbe !== 'object' || c.livenessProbe === null)
      .map(({ path, name }) => ({ message: `container "${name}" has no livenessProbe`, path })),
});
