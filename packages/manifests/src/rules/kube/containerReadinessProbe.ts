import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * A readiness probe keeps traffic away from a pod that cannot serve. Jobs and init containers are exempt.
 * @see https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
export const containerReadinessProbe = kubeRule({
  id: 'container-readiness-probe',
  appliesTo: WORKLOAD_KINDS.filter((k) => k !== 'Job' && k !== 'CronJob' && k !== 'Pod'),
  category: 'reliability',
  severity: 'WARNING',
  description: 'Long-running containers must define a readinessProbe',
  fix: 'add a readinessProbe (httpGet, tcpSocket, grpc or exec) to the container',
  check: (obj) =>
    containersOf(obj, false)
      .filter(({ c }) => typeof c.readinessProbe !== 'object' || c.readinessProbe === null)
      .map(({ path, name }) => ({ message: `container "${name}" has no readinessProbe`, path })),
});
