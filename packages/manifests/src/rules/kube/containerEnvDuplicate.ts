import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

/**
 * When an env var is listed twice, the last one silently wins — usually not what the author meant.
 * @see https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/
 */
export const containerEnvDuplicate = kubeRule({
  id: 'container-env-duplicate',
  appliesTo: WORKLOAD_KINDS,
  category: 'reliability',
  severity: 'WARNING',
  description: 'Environment variable names must be unique within a container',
  fix: 'remove or rename the duplicate env entry',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) => {
      const seen = new Set<string>();
      return (Array.isArray(c.env) ? c.env : []).flatMap((e: { name?: unknown }, i: number) => {
        if (typeof e?.name !== 'string') return [];
        if (!seen.has(e.name)) {
          seen.add(e.name);
          return [];
        }
        return [{ message: `container "${name}" sets ${e.name} twice`, path: `${path}.env[${i}].name` }];
      });
    }),
});
