import { kubeRule } from '../kubeRule.js';

const SECRET_KEY = /(password|passwd|secret|token|api[_-]?key|private[_-]?key|credentials?)/i;

/**
 * ConfigMaps are not access-controlled like Secrets; credentials belong in a Secret.
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export const configMapSecrets = kubeRule({
  id: 'configmap-secrets',
  appliesTo: ['ConfigMap'],
  category: 'security',
  severity: 'WARNING',
  description: 'ConfigMaps must not hold credentials',
  fix: 'move the key into a Secret',
  check: (obj) => {
    const data = obj.data;
    if (typeof data !== 'object' || data === null) return [];
    return Object.entries(data as Record<string, unknown>)
      .filter(([k, v]) => SECRET_KEY.test(k) && typeof v === 'string' && v !== '')
      .map(([k]) => ({ message: `ConfigMap key "${k}" looks like a credential`, path: `data["${k}"]` }));
  },
});
