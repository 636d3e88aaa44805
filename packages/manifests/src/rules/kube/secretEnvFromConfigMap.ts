import { containersOf, WORKLOAD_KINDS } from '../../kube/podSpec.js';
import { kubeRule } from '../kubeRule.js';
import { literalSecret } from './secretEnvLiteral.js';

/**
 * A secret read from a ConfigMap (an env var named like a password taking its value from a configMapKeyRef) is
 * stored unencrypted and readable by anyone who can read ConfigMaps.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/
 */
export const secretEnvFromConfigMap = kubeRule({
  id: 'secret-env-from-configmap',
  appliesTo: WORKLOAD_KINDS,
  category: 'security',
  severity: 'WARNING',
  description: 'Secret-like env vars must come from a Secret, not a ConfigMap',
  fix: 'move the value into a Secret and use valueFrom.secretKeyRef',
  check: (obj) =>
    containersOf(obj).flatMap(({ c, path, name }) =>
      (Array.isArray(c.env) ? c.env : []).flatMap(
        (e: { name?: unknown; valueFrom?: { configMapKeyRef?: { name?: unknown; key?: unknown } } }, i: number) => {
          const ref = e?.valueFrom?.configMapKeyRef;
          if (!ref || typeof e.name !== 'string') return [];
          const key = typeof ref.key === 'string' ? ref.key : '';
          if (!literalSecret(e.name, 'x') && !literalSecret(key.toUpperCase().replace(/[.-]/g, '_'), 'x')) return [];
          return [
            {
              message: `container "${name}" reads ${e.name} from ConfigMap ${String(ref.name ?? '')} key ${key}`,
              path: `${path}.env[${i}].valueFrom.configMapKeyRef`,
            },
          ];
        },
      ),
    ),
});
