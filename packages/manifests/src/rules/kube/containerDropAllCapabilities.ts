import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * Containers should drop every Linux capability and add back only the few they need.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const containerDropAllCapabilities = kubeRule({
  id: 'container-drop-all-capabilities',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Containers should drop ALL capabilities',
  fix: 'set securityContext.capabilities.drop: [ALL]',
  check: (obj) =>
    containersOf(obj)
      .filter(({ c }) => {
        const drop = c.securityContext?.capabilities?.drop;
        return !Array.isArray(drop) || !drop.some((d: unknown) => String(d).toUpperCase() === 'ALL');
      })
      .map(({ path, name }) => ({
        message: `container "${name}" does not drop ALL capabilities`,
        path: `${path}.securityContext`,
      })),
});
