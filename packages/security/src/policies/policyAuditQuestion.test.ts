import { describe, expect, it } from 'vitest';
import { policyAuditOutcome } from './policyAuditQuestion.js';

describe('policy audit questions for ask', () => {
  it.each([
    ['which resources violate "no Service may be of type LoadBalancer"?', 'k8sblockloadbalancer'],
    ['Which deployments violate the policy all deployments must have an owner label', 'k8srequiredlabels'],
    ['what violates: images must come from ghcr.io/acme', 'k8sallowedrepos'],
    ['audit the cluster against the policy containers must not run as root', 'k8spspallowedusers'],
  ])('%s → %s', (question, template) => {
    expect(policyAuditOutcome(question)).toMatchObject({ kind: 'policy-audit', template });
  });

  it('answers an unmappable policy with the closest templates', () => {
    expect(policyAuditOutcome('which pods violate images must come from an approved registry')).toMatchObject({
      kind: 'unsupported',
      suggestions: [expect.stringMatching(/^k8sallowedrepos/), ...[]],
    });
  });

  it('leaves other requests to the planner', () => {
    expect(policyAuditOutcome('scale backend to 3 replicas')).toBeUndefined();
    expect(policyAuditOutcome('which pods use the most memory')).toBeUndefined();
  });
});
