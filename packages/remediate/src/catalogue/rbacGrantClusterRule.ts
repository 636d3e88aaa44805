import type { ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';
import { deniedRule, type GrantPlan, grantCandidate, rulesPatch } from '../cluster/grantCandidate.js';
import { podDenial } from '../cluster/podDenial.js';
import { bindsAccount, describeRule, type PolicyRule, roleRefOf, ruleAllows } from '../cluster/rbacGrants.js';
import { defineRemediation, unchanged } from '../remediation.js';
import type { Denial } from './forbiddenMessage.js';

const RBAC = 'rbac.authorization.k8s.io/v1';

/**
 * A container that fails because the API server refused its service account a request at the cluster scope (`…
 * cannot list resource "nodes" in API group "" at the cluster scope`): the minimal ClusterRole rule that grants
 * exactly that verb on that resource and group — added to a ClusterRole bound to that account alone (never a
 * `system:` role or one other subjects share), or a new ClusterRole and ClusterRoleBinding. Always destructive: a
 * cluster-wide grant is approved by a person, never by a healing rule.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#clusterrole-example
 */
export const rbacGrantClusterRule = defineRemediation({
  id: 'rbac:grant-cluster-rule',
  title: 'Grant the minimal ClusterRole rule for a cluster-scope denial',
  findingClasses: ['pod-crash-loop'],
  effect: 'destructive',
  async propose(finding, ctx) {
    const found = await podDenial(finding, ctx);
    if ('none' in found) return found;
    const { denial } = found;
    if (denial.namespace) return { none: `the denial is in namespace ${denial.namespace}: see rbac:grant-denied-rule` };
    const plan = await clusterGrantSteps(ctx.gateway, denial, deniedRule(denial));
    return {
      candidates: [
        grantCandidate('rbac:grant-cluster-rule', finding, found, plan, {
          where: 'cluster-wide',
          alternatives: [
            'change the application so it asks within its own namespace (then a Role is enough)',
            'change the application so it does not need the call',
          ],
          confidence: 0.75,
        }),
      ],
    };
  },
});

async function clusterGrantSteps(gateway: ClusterGateway, denial: Denial, rule: PolicyRule): Promise<GrantPlan> {
  const bindings = await gateway.list('ClusterRoleBinding');
  const own = bindings.filter((b) => bindsAccount(b, denial) && roleRefOf(b).kind === 'ClusterRole');
  for (const binding of own) {
    const name = roleRefOf(binding).name;
    const subjects = bindings
      .filter((b) => roleRefOf(b).kind === 'ClusterRole' && roleRefOf(b).name === name)
      .reduce((n, b) => n + ((b as { subjects?: unknown[] }).subjects?.length ?? 0), 0);
    const shared = subjects > 1;
    if (name.startsWith('system:') || shared) continue;
    const role = await gateway.get({ kind: 'ClusterRole', name });
    if (!role || (role as { aggregationRule?: unknown }).aggregationRule) continue;
    const rules = ((role as { rules?: PolicyRule[] }).rules ?? []) as PolicyRule[];
    const patchOf = (list: PolicyRule[], description: string) =>
      rulesPatch('ClusterRole', name, undefined, list, description);
    return {
      how: `one rule added to ClusterRole ${name}`,
      target: `ClusterRole ${name}`,
      steps: [patchOf([...rules, rule], `add ${describeRule(rule)} to ClusterRole ${name}`)],
      rollback: [patchOf(rules, `restore the rules of ClusterRole ${name}`)],
      evidence: [
        {
          kind: 'field' as const,
          source: `clusterrole/${name}`,
          detail: `bound to the account alone by ${binding.metadata.name}; grants ${rules.map(describeRule).join('; ') || 'nothing'}${rules.some((r) => ruleAllows(r, denial)) ? '' : ', not this request'}`,
        },
      ],
      preconditions: [unchanged(role, `ClusterRole ${name} still has the same rules`)],
      subject: { kind: 'ClusterRole', name },
    };
  }
  const name =
    `${denial.accountNamespace}-${denial.serviceAccount}-${denial.resource.replace(/\./g, '-')}-${denial.verb}`.slice(
      0,
      63,
    );
  const role: KubeObject = { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name }, rules: [rule] } as never;
  const binding: KubeObject = {
    apiVersion: RBAC,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
    subjects: [{ kind: 'ServiceAccount', name: denial.serviceAccount, namespace: denial.accountNamespace }],
  } as never;
  const ref = (o: KubeObject) => ({ kind: o.kind, name, apiVersion: o.apiVersion });
  return {
    how: `new ClusterRole and ClusterRoleBinding ${name}`,
    target: `ClusterRole ${name}`,
    steps: [
      { op: 'apply', mode: 'create', object: role, description: `create ClusterRole ${name}` },
      {
        op: 'apply',
        mode: 'create',
        object: binding,
        description: `bind ClusterRole ${name} to ${denial.accountNamespace}/${denial.serviceAccount}`,
      },
    ] as PlanStep[],
    rollback: [
      { op: 'delete', target: ref(binding), description: `delete ClusterRoleBinding ${name}` },
      { op: 'delete', target: ref(role), description: `delete ClusterRole ${name}` },
    ] as PlanStep[],
    evidence: [
      {
        kind: 'field' as const,
        source: 'clusterrolebindings',
        detail: `no ClusterRole bound to ${denial.accountNamespace}/${denial.serviceAccount} alone grants it`,
      },
    ],
    preconditions: [
      { ref: ref(role), absent: true, description: `ClusterRole ${name} does not exist yet` },
      { ref: ref(binding), absent: true, description: `ClusterRoleBinding ${name} does not exist yet` },
    ],
    subject: { kind: 'ClusterRole', name },
  };
}
