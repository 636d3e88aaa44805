import type { ClusterGateway, KubeObject, PlanStep } from '@opspilot/core';
import { deniedRule, type GrantPlan, grantCandidate, rulesPatch } from '../cluster/grantCandidate.js';
import { podDenial } from '../cluster/podDenial.js';
import { bindsAccount, describeRule, type PolicyRule, roleRefOf, ruleAllows } from '../cluster/rbacGrants.js';
import { defineRemediation, unchanged } from '../remediation.js';
import type { Denial } from './forbiddenMessage.js';

/**
 * A container that fails because the API server refused its service account (its log says `… is forbidden: User
 * "system:serviceaccount:ns:sa" cannot list resource "pods" …`): the narrowest Role rule that grants exactly that verb
 * on that resource and group — added to the namespace Role already bound to the account (which may grant the wrong
 * resource), or a new Role and RoleBinding. RBAC changes are destructive: a person approves each one.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
export const rbacGrantDenied = defineRemediation({
  id: 'rbac:grant-denied-rule',
  title: 'Grant the narrowest Role rule for a denied request',
  findingClasses: ['pod-crash-loop'],
  effect: 'destructive',
  async propose(finding, ctx) {
    const found = await podDenial(finding, ctx);
    if ('none' in found) return found;
    const { denial } = found;
    if (!denial.namespace) return { none: 'a cluster-scope denial needs a ClusterRole: see rbac:grant-cluster-rule' };
    const rule = deniedRule(denial);
    const plan = await grantSteps(ctx.gateway, denial, rule);
    return {
      candidates: [
        grantCandidate('rbac:grant-denied-rule', finding, found, plan, {
          where: `in namespace ${denial.namespace}`,
          alternatives: [
            'change the application so it does not need the call',
            'use a ClusterRole if it is needed in every namespace',
          ],
          confidence: 0.8,
        }),
      ],
    };
  },
});

async function grantSteps(gateway: ClusterGateway, denial: Denial, rule: PolicyRule): Promise<GrantPlan> {
  const namespace = denial.namespace!;
  const bindings = (await gateway.list('RoleBinding', { namespace })).filter(
    (b) => bindsAccount(b, denial) && roleRefOf(b).kind === 'Role',
  );
  for (const binding of bindings) {
    const role = await gateway.get({ kind: 'Role', name: roleRefOf(binding).name, namespace });
    if (!role) continue;
    const rules = ((role as { rules?: PolicyRule[] }).rules ?? []) as PolicyRule[];
    const patchOf = (list: PolicyRule[], description: string) =>
      rulesPatch('Role', role.metadata.name, namespace, list, description);
    return {
      how: `one rule added to Role ${role.metadata.name}`,
      target: `Role ${namespace}/${role.metadata.name}`,
      steps: [patchOf([...rules, rule], `add ${describeRule(rule)} to Role ${role.metadata.name}`)],
      rollback: [patchOf(rules, `restore the rules of Role ${role.metadata.name}`)],
      evidence: [
        {
          kind: 'field' as const,
          source: `role/${namespace}/${role.metadata.name}`,
          detail: `bound to the account by ${binding.metadata.name}; grants ${rules.map(describeRule).join('; ') || 'nothing'}${rules.some((r) => ruleAllows(r, denial)) ? '' : ', not this request'}`,
        },
      ],
      preconditions: [unchanged(role, `Role ${role.metadata.name} still has the same rules`)],
      subject: { kind: 'Role', name: role.metadata.name, namespace },
    };
  }
  const name = `${denial.serviceAccount}-${denial.resource.replace(/\./g, '-')}-${denial.verb}`.slice(0, 63);
  const role: KubeObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name, namespace },
    rules: [rule],
  } as never;
  const binding: KubeObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
    subjects: [{ kind: 'ServiceAccount', name: denial.serviceAccount, namespace: denial.accountNamespace }],
  } as never;
  const ref = (o: KubeObject) => ({ kind: o.kind, name, namespace, apiVersion: o.apiVersion });
  return {
    how: `new Role and RoleBinding ${name}`,
    target: `Role ${namespace}/${name}`,
    steps: [
      { op: 'apply', mode: 'create', object: role, description: `create Role ${name}` },
      { op: 'apply', mode: 'create', object: binding, description: `bind Role ${name} to ${denial.serviceAccount}` },
    ] as PlanStep[],
    rollback: [
      { op: 'delete', target: ref(binding), description: `delete RoleBinding ${name}` },
      { op: 'delete', target: ref(role), description: `delete Role ${name}` },
    ] as PlanStep[],
    evidence: [
      {
        kind: 'field' as const,
        source: `namespace/${namespace}`,
        detail: `no Role of the namespace is bound to ${denial.serviceAccount}`,
      },
    ],
    preconditions: [
      { ref: ref(role), absent: true, description: `Role ${name} does not exist yet` },
      { ref: ref(binding), absent: true, description: `RoleBinding ${name} does not exist yet` },
    ],
    subject: { kind: 'Role', name, namespace },
  };
}
