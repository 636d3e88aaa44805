import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY)/i;

/**
 * Secrets written as literal env values end up in the manifest, the repository and `kubectl describe` output.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
 */
export const secretEnvLiteral = kubeRule({
  id: 'secret-env-literal',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'ERROR',
  description: 'Secrets must come from a Secret (valueFrom.secretKeyRef), not an env literal',
  fix: 'move the value into a Secret and use valueFrom.secretKeyRef',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (Array.isArray(c.env) ? c.env : []).flatMap((e: { name?: unknown; value?: unknown }, i: number) =>
        typeof e?.name === 'string' && SECRET_NAME.test(e.name) && typeof e.value === 'string' && e.value !== ''
          ? [{ message: `container "${name}" sets ${e.name} as a literal value`, path: `${path}.env[${i}].value` }]
          : [],
      ),
    ),
});
