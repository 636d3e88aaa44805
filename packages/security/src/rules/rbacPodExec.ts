import { kubeRule } from '@opspilot/manifests';
import { grantRules } from './rbacRuleGrants.js';

/**
 * Creating pods, or exec/attach into them, runs code with any service account and Secret of the namespace.
 * Wildcards are rbac-wildcard's finding and not repeated here.
 * @see https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation
 */
export const rbacPodExec = kubeRule({
  id: 'rbac-pod-exec',
  appliesTo: ['Role', 'ClusterRole'],
  category: 'security',
  severity: 'WARNING',
  description: 'Roles should not grant create on pods, pods/exec or pods/attach',
  fix: 'grant create on pods, pods/exec and pods/attach only to the few who need a shell',
  check: (obj) =>
    grantRules(obj).flatMap((r) => {
      if (!r.verbs.includes('create')) return [];
      const hit = ['pods', 'pods/exec', 'pods/attach'].filter((res) => r.resources.includes(res));
      return hit.length > 0
        ? [{ message: `rule ${r.index} can create ${hit.join(', ')}`, path: `rules[${r.index}]` }]
        : [];
    }),
});
