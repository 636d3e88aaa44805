import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY)/i;
/**
 * Names that mention a secret without holding one: where it is (`*_PASSWORD_FILE`, `*_SECRET_NAME`, `*_KEY_REF`),
 * a switch about it (`ALLOW_EMPTY_PASSWORD`, `*_PASSWORD_ENABLED`) or a policy (`*_TOKEN_TTL`).
 */
const REFERENCE_NAME =
  /(_(FILE|FILES|PATH|DIR|NAME|NAMES|REF|KEY_?NAME|KEY_?REF|SECRET_?NAME|EXISTING_?SECRET|ENABLED|DISABLED|LENGTH|TTL|TIMEOUT|EXPIRY|EXPIRATION|HEADER|TYPE|MODE|PROVIDER|URL|URI|ENDPOINT|AUDIENCE|ISSUER|ALGORITHM|ID)$)|^(ALLOW|ENABLE|DISABLE|USE|REQUIRE|SKIP|IGNORE)_|_(ENABLED|DISABLED)_/i;
/** Values that cannot be a secret: paths, switches, numbers, references to other variables, kubernetes names. */
const NOT_A_SECRET_VALUE = /^(\/|\.\/|~\/|\$\(|\$\{)|^(true|false|yes|no|on|off|none|null|\d{1,6})$/i;

/** True when `name=value` looks like a secret written out (a secret-like name, a value that could be one). */
export function literalSecret(name: string, value: string): boolean {
  return SECRET_NAME.test(name) && !REFERENCE_NAME.test(name) && value !== '' && !NOT_A_SECRET_VALUE.test(value.trim());
}

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
        typeof e?.name === 'string' && typeof e.value === 'string' && literalSecret(e.name, e.value)
          ? [{ message: `container "${name}" sets ${e.name} as a literal value`, path: `${path}.env[${i}].value` }]
          : [],
      ),
    ),
});
