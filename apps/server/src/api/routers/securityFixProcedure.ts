import { finishPlan } from '@opspilot/ai';
import { NotFoundError, Operation } from '@opspilot/core';
import { createOperations } from '@opspilot/ops';
import { scanFromRow, securityFix } from '@opspilot/security';
import { z } from 'zod';
import { serverOpsDeps } from '../serverOperations.js';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

/**
 * `security.fix` (seed 004 `securityGuardian.applyPatch`): the fix of a finding of the latest scan — patch a
 * securityContext or pod field, add a default-deny NetworkPolicy, drop a cluster-admin binding — proposed as an
 * operation through the lifecycle (dry run and diff, NEEDS_REVIEW; applied only once approved).
 */
export const securityFixProcedure = {
  fix: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/security/fix', tags: ['security'], protect: true } })
    .input(z.object({ cluster_id: z.uuid(), finding_id: z.string().min(1).max(1000) }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const rows = await ctx.services.store.securityFindings.list(
        { cluster_id: cluster.id, finding_key: input.finding_id },
        { page_size: 1 },
      );
      const [row] = rows.items;
      if (!row)
        throw new NotFoundError(`no finding ${input.finding_id}`, { hint: 'scan the cluster and pick a finding id' });
      const scanRow = await ctx.services.store.securityScans.get(row.scan_id);
      const finding = scanFromRow(scanRow, [row]).findings[0];
      const gateway = await ctx.services.gateways.get(cluster.id);
      const live =
        finding &&
        (await gateway.get({
          kind: finding.object.kind,
          name: finding.object.name,
          ...(finding.object.namespace ? { namespace: finding.object.namespace } : {}),
        }));
      if (!finding || !live)
        throw new NotFoundError(`the object of ${input.finding_id} is gone`, { hint: 'scan again' });
      const fix = securityFix(finding, live);
      if (!fix) throw new NotFoundError(`no automatic fix for ${finding.check}`, { hint: finding.fix });
      const plan = finishPlan(
        {
          request: `fix ${finding.id}`,
          summary: fix.summary,
          steps: fix.steps,
          assumptions: [`fixes ${finding.check} on ${finding.object.kind}/${finding.object.name}`, ...finding.evidence],
          planner: `security:${finding.check}`,
        },
        await gateway.list('Namespace'),
      );
      const deps = await serverOpsDeps(ctx.services, cluster.id, { principal: ctx.principal });
      const ops = createOperations({ ...deps, planner: async () => ({ kind: 'plan', plan, notices: [] }) });
      const proposed = await ops.propose(plan.request, { user: ctx.principal.user.username });
      if (proposed.kind !== 'operation') throw new NotFoundError(`the fix could not be planned: ${proposed.kind}`);
      await audit(ctx, {
        action: 'security.fix.proposed',
        target: `cluster/${cluster.name}`,
        details: { finding: finding.id, operation_id: proposed.operation.id },
      });
      return proposed.operation;
    }),
};
