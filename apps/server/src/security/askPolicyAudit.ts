import type { Cluster, PlanOutcome } from '@opspilot/core';
import { auditCluster, PolicyMatch, PolicyViolation, violationLine } from '@opspilot/security';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';

/** `ops.ask`'s answer to "which … violate <policy>": the violating objects, one VIOLATING line each. */
export const PolicyAuditAnswer = z.object({
  kind: z.literal('policy-audit'),
  understood: z.string(),
  status: z.enum(['completed', 'offline']),
  lines: z.array(z.string()),
  violations: z.array(PolicyViolation),
  errors: z.array(z.string()),
});

/** Audits the cluster with the policy the planner mapped from a "which … violate …" question. */
export async function answerPolicyAudit(
  services: Pick<ApiServices, 'gateways'>,
  cluster: Cluster,
  outcome: Extract<PlanOutcome, { kind: 'policy-audit' }>,
  namespace?: string,
): Promise<z.infer<typeof PolicyAuditAnswer>> {
  const gateway = await services.gateways.get(cluster.id);
  const result = await auditCluster(
    gateway,
    [
      {
        id: 'ask',
        name: outcome.template,
        template: outcome.template,
        parameters: outcome.parameters,
        match: PolicyMatch.parse(outcome.match),
        enforcement: 'audit',
        enabled: true,
        sentence: outcome.sentence,
      },
    ],
    { cluster: cluster.name, ...(namespace ? { namespace } : {}) },
  );
  return {
    kind: 'policy-audit',
    understood: outcome.understood,
    ...result,
    lines: result.violations.map(violationLine),
  };
}
