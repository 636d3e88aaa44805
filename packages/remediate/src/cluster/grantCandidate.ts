import type { Evidence, Finding, KubeObject, ObjectRef, PlanStep } from '@opspilot/core';
import type { Denial } from '../catalogue/forbiddenMessage.js';
import type { Precondition, RemediationCandidate } from '../remediation.js';
import { describeRule, type PolicyRule } from './rbacGrants.js';

/** How an RBAC fix grants a rule: the steps, how they are undone, what they rest on and what proves them. */
export interface GrantPlan {
  /** e.g. `one rule added to Role lister`. */
  how: string;
  /** e.g. `Role rbac/lister`. */
  target: string;
  steps: PlanStep[];
  rollback: PlanStep[];
  evidence: Evidence[];
  preconditions: Precondition[];
  subject: ObjectRef;
}

/** The single rule that grants exactly the denied request: its verb on its resource in its group. */
export const deniedRule = (denial: Denial): PolicyRule => ({
  apiGroups: [denial.group],
  resources: [denial.resource],
  verbs: [denial.verb],
});

/**
 * The candidate of an RBAC fix (Role or ClusterRole): destructive, with the denial's log line as evidence and the
 * grant checked against the bound roles after the apply.
 */
export function grantCandidate(
  remediation: string,
  finding: Finding,
  found: { pod: KubeObject; container: string; denial: Denial },
  plan: GrantPlan,
  words: { where: string; alternatives: string[]; confidence: number },
): RemediationCandidate {
  const { pod, container, denial } = found;
  const rule = deniedRule(denial);
  return {
    remediation,
    finding_id: finding.id,
    finding_class: finding.analyzer,
    summary: `let service account ${denial.accountNamespace}/${denial.serviceAccount} ${denial.verb} ${denial.resource}${denial.group ? `.${denial.group}` : ''} ${words.where} (${plan.how})`,
    steps: plan.steps,
    evidence: [
      ...finding.evidence,
      { kind: 'log', source: `pod/${pod.metadata.namespace}/${pod.metadata.name}/${container}`, detail: denial.line },
      ...plan.evidence,
    ],
    effect: 'destructive',
    risk: [
      `widens what ${denial.serviceAccount} may do${denial.namespace ? '' : ' in every namespace'} by exactly one rule: ${describeRule(rule)}`,
    ],
    preconditions: plan.preconditions,
    alternatives: words.alternatives,
    revision_diff: [`${plan.target} rules: + ${describeRule(rule)}`],
    subject: plan.subject,
    rollback: plan.rollback,
    grants: { ...denial },
    confidence: words.confidence,
  };
}

/** A patch step setting the rules of a Role (with `namespace`) or a ClusterRole. */
export function rulesPatch(
  kind: 'Role' | 'ClusterRole',
  name: string,
  namespace: string | undefined,
  rules: PolicyRule[],
  description: string,
): PlanStep {
  return {
    op: 'apply',
    mode: 'patch',
    object: {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind,
      metadata: { name, ...(namespace ? { namespace } : {}) },
      rules,
    } as never,
    description,
  };
}
