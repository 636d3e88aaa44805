import { z } from 'zod';
import { JsonObject, Timestamp, Uuid } from '../common.js';
import { ComplianceFramework } from './complianceReport.js';
import { Severity } from './severity.js';
import { type ModelRule, withRules } from './withRules.js';

/**
 * What happens when a policy rule is broken, as in Kyverno and Gatekeeper: AUDIT records it, WARN also warns the
 * requester, ENFORCE refuses the change.
 */
export const PolicyEnforcement = z.enum(['AUDIT', 'WARN', 'ENFORCE']);
export type PolicyEnforcement = z.infer<typeof PolicyEnforcement>;

/** One rule of a policy: a validator rule id (e.g. `no-privileged`) and its settings. */
export const SecurityPolicyRule = z.object({
  id: z.string().min(1),
  description: z.string().default(''),
  severity: Severity.default('MEDIUM'),
  config: JsonObject.default({}),
});
export type SecurityPolicyRule = z.infer<typeof SecurityPolicyRule>;

const policyFields = {
  name: z.string().min(1).max(255),
  description: z.string().default(''),
  /** The framework whose controls the policy implements, when it implements one. */
  framework: ComplianceFramework.optional(),
  rules: z.array(SecurityPolicyRule).default([]),
  enforcement: PolicyEnforcement.default('AUDIT'),
  enabled: z.boolean().default(true),
};

const policyRules: ModelRule<{ rules: { id: string }[] }>[] = [
  {
    check: (p) => new Set(p.rules.map((r) => r.id)).size === p.rules.length,
    message: 'rule ids must be unique',
    path: ['rules'],
  },
];

/**
 * A security policy (seed 004 `security_policies`): rules checked against manifests and live objects.
 * New policies only audit, so turning one on never blocks a deployment by surprise.
 */
export const SecurityPolicy = withRules(
  z.object({ id: Uuid, ...policyFields, created_at: Timestamp, updated_at: Timestamp }),
  policyRules,
);
export type SecurityPolicy = z.infer<typeof SecurityPolicy>;

/** What a caller supplies to create a {@link SecurityPolicy}. */
export const NewSecurityPolicy = withRules(z.object(policyFields), policyRules);
export type NewSecurityPolicy = z.input<typeof NewSecurityPolicy>;
