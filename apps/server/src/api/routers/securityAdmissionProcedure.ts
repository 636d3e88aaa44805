import { finishPlan } from '@opspilot/ai';
import { Operation, UpstreamError } from '@opspilot/core';
import { createOperations } from '@opspilot/ops';
import { admissionPolicyFor, enforcementPlan, policyFromRow } from '@opspilot/security';
import { stringify } from 'yaml';
import { z } from 'zod';
import { IdInput } from '../apiSchemas.js';
import { serverOpsDeps } from '../serverOperations.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/**
 * `security.admissionPolicy`: a stored policy compiled to a ValidatingAdmissionPolicy (CEL) and its binding, as
 * objects and as YAML to review and apply (`kubectl apply -f`, or `opspilot review`); `security.enforcePolicy` proposes
 * applying them to a cluster as an operation (dry run and diff, NEEDS_REVIEW; applied and verified once approved).
 * The simulated cluster enforces them as a real API server (1.30+) does.
 */
export const securityAdmissionProcedure = {
  admissionPolicy: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/security/policies/{id}/admission', tags: ['security'], protect: true } })
    .input(IdInput)
    .output(
      z.object({
        policy: z.record(z.string(), z.unknown()),
        binding: z.record(z.string(), z.unknown()),
        yaml: z.string(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const policy = policyFromRow(await ctx.services.store.securityPolicies.get(input.id));
      const compiled = admissionPolicyFor(policy);
      return { ...compiled, yaml: `${stringify(compiled.policy)}---\n${stringify(compiled.binding)}` };
    }),
  enforcePolicy: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/policies/{id}/enforce', tags: ['security'], protect: true } })
    .input(IdInput.extend({ cluster_id: z.uuid(), mode: z.enum(['deny', 'warn', 'audit']).optional() }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const policy = policyFromRow(await ctx.services.store.securityPolicies.get(input.id));
      const mode = input.mode ?? policy.enforcement;
      const steps = enforcementPlan(policy, mode);
      const gateway = await ctx.services.gateways.get(cluster.id);
      const plan = finishPlan(
        {
          request: `enforce policy ${policy.name} (${mode})`,
          summary: steps.summary,
          steps: steps.steps,
          assumptions: [`${policy.template} ${JSON.stringify(policy.parameters)}`],
          planner: `security:enforce:${policy.template}`,
        },
        await gateway.list('Namespace'),
      );
      const deps = await serverOpsDeps(ctx.services, cluster.id, { principal: ctx.principal });
      const ops = createOperations({ ...deps, planner: async () => ({ kind: 'plan', plan, notices: [] }) });
      const proposed = await ops.propose(plan.request, { user: ctx.principal.user.username });
      if (proposed.kind !== 'operation')
        throw new UpstreamError(`the enforcement could not be planned: ${proposed.kind}`, {
          source: 'ops',
          retryable: false,
        });
      await audit(ctx, {
        action: 'security.policy.enforce',
        target: `policy/${policy.name}`,
        details: { cluster: cluster.name, template: policy.template, mode, operation_id: proposed.operation.id },
      });
      return proposed.operation;
    }),
};
