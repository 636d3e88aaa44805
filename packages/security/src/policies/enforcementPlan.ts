import type { PlanStep } from '@opspilot/core';
import type { SecurityFix } from '../fixes/securityFix.js';
import { admissionPolicyFor } from './admissionPolicy.js';
import type { SecurityPolicy } from './securityPolicy.js';

/** How an enforced policy acts on a violating request: refuse it, answer with a warning, or only record it. */
export type EnforcementMode = SecurityPolicy['enforcement'];

/**
 * The steps that enforce a policy on a cluster: its ValidatingAdmissionPolicy (CEL) and the binding with the
 * validation actions of `mode` (deny → Deny, warn → Warn + Audit, audit → Audit), both applied whole so an earlier
 * enforcement is replaced. For the operation lifecycle: planned, dry-run and diffed by the API server, reviewed,
 * applied and verified. A template without a CEL form is the InputError of {@link admissionPolicyFor}.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export function enforcementPlan(policy: SecurityPolicy, mode: EnforcementMode = policy.enforcement): SecurityFix {
  const compiled = admissionPolicyFor({ ...policy, enforcement: mode });
  const name = String((compiled.policy.metadata as { name: string }).name);
  const step = (object: Record<string, unknown>, description: string): PlanStep => ({
    op: 'apply',
    mode: 'create',
    object: object as never,
    description,
  });
  return {
    summary: `enforce policy ${policy.name} (${policy.template}) at admission in ${mode} mode`,
    steps: [
      step(compiled.policy, `ValidatingAdmissionPolicy ${name}: the CEL of ${policy.template}`),
      step(compiled.binding, `ValidatingAdmissionPolicyBinding ${name}: ${mode} on violations`),
    ],
  };
}
