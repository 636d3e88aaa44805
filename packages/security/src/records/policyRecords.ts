import type { NewSecurityPolicy, SecurityPolicy as SecurityPolicyRow } from '@opspilot/core';
import { InputError } from '@opspilot/core';
import { PolicyMatch, SecurityPolicy } from '../policies/securityPolicy.js';

const ENFORCEMENT = { audit: 'AUDIT', warn: 'WARN', deny: 'ENFORCE' } as const;

/**
 * The seed-004 `security_policies` row of a policy: one rule whose id is the template, with the parameters, match and
 * the sentence it came from in its config.
 */
export function policyRow(policy: Omit<SecurityPolicy, 'id'>): NewSecurityPolicy {
  return {
    name: policy.name,
    description: policy.sentence ?? '',
    rules: [
      {
        id: policy.template,
        description: policy.sentence ?? '',
        config: {
          parameters: policy.parameters,
          match: policy.match,
          ...(policy.sentence ? { sentence: policy.sentence } : {}),
        },
      },
    ],
    enforcement: ENFORCEMENT[policy.enforcement],
    enabled: policy.enabled,
  };
}

/** A stored policy row read back as a template policy; InputError when it holds no template rule. */
export function policyFromRow(row: SecurityPolicyRow): SecurityPolicy {
  const rule = row.rules[0];
  if (!rule)
    throw new InputError(`policy ${row.name} has no rule`, { hint: 'recreate it from a template or a sentence' });
  const config = rule.config as { parameters?: Record<string, unknown>; match?: unknown; sentence?: string };
  return SecurityPolicy.parse({
    id: row.id,
    name: row.name,
    template: rule.id,
    parameters: config.parameters ?? {},
    match: PolicyMatch.parse(config.match ?? {}),
    enforcement: row.enforcement === 'ENFORCE' ? 'deny' : row.enforcement === 'WARN' ? 'warn' : 'audit',
    enabled: row.enabled,
    ...(config.sentence ? { sentence: config.sentence } : {}),
  });
}
