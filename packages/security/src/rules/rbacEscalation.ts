import { kubeRule } from '@opspilot/manifests';
import { grantRules } from './rbacRuleGrants.js';

const VERBS = ['escalate', 'bind', 'impersonate'];

/**
 * `escalate`, `bind` and `impersonate` let a subject grant itself (or act as) anything; wildcard verbs are reported
 * by rbac-wildcard and not repeated here.
 * @see https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb
 */
export const rbacEscalation = kubeRule({
  id: 'rbac-escalation',
  appliesTo: ['Role', 'ClusterRole'],
  category: 'security',
  severity: 'ERROR',
  description: 'Roles must not grant escalate, bind or impersonate',
  fix: 'drop the escalate/bind/impersonate verbs, or restrict them with resourceNames',
  check: (obj) =>
    grantRules(obj).flatMap((r) => {
      const verbs = VERBS.filter((v) => r.verbs.includes(v));
      if (verbs.length === 0 || r.resourceNames.length > 0) return [];
      return [{ message: `rule ${r.index} grants ${verbs.join(', ')}`, path: `rules[${r.index}].verbs` }];
    }),
});
