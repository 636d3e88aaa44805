import { type CostRecommendation, formatRef, type Operation, OpspilotError } from '@opspilot/core';
import { createOperations, type OpsDeps } from '@opspilot/ops';
import { checkTargetUnchanged, rightsizePlan } from './rightsizePlan.js';

/** What applying recommendations runs on: the operation lifecycle's dependencies (its planner is the plan here). */
export type CostApplierDeps = Omit<OpsDeps, 'planner'>;

/**
 * Applies cost recommendations through the operation lifecycle. `plan` checks the target is unchanged since the
 * recommendation was computed and proposes its plan (validated, dry-run with a diff, NEEDS_REVIEW); approval goes
 * through the usual review (`ops.approve`). `apply` checks the target again right before applying the approved
 * operation — refused with a ConflictError, and audited, when someone changed it in between.
 */
export function createCostApplier(deps: CostApplierDeps) {
  const opsFor = (plan?: ReturnType<typeof rightsizePlan>) =>
    createOperations({
      ...deps,
      planner: async () => {
        if (!plan) throw new Error('no plan to propose');
        return { kind: 'plan', plan, notices: [] };
      },
    });
  const audit = (action: string, user: string, rec: CostRecommendation, details: Record<string, unknown>, ok = true) =>
    deps.audit.append({
      action,
      user_id: user,
      ai_tool: 'cost:rightsize',
      input_prompt: rec.id,
      output_generated: rec.description,
      status: ok ? 'SUCCESS' : 'ERROR',
      target: formatRef({ kind: rec.resource.kind, namespace: rec.resource.namespace, name: rec.resource.name }),
      cluster_id: deps.clusterId,
      details: { recommendation_id: rec.id, estimated_monthly_savings: rec.estimated_monthly_savings, ...details },
    });
  const check = async (rec: CostRecommendation, user: string, operationId?: string) => {
    try {
      await checkTargetUnchanged(deps.gateway, rec);
    } catch (e) {
      if (e instanceof OpspilotError) {
        await audit('cost.recommendation.refused', user, rec, { reason: e.message, operation_id: operationId }, false);
      }
      throw e;
    }
  };

  return {
    /** Proposes the recommendation's plan as an operation waiting for review; refused when the target changed. */
    async plan(rec: CostRecommendation, ctx: { user: string }): Promise<{ operation: Operation; auditId: string }> {
      await check(rec, ctx.user);
      const namespaces = await deps.gateway.list('Namespace');
      const plan = rightsizePlan(rec, namespaces);
      const result = await opsFor(plan).propose(plan.request, { user: ctx.user });
      if (result.kind !== 'operation') throw new Error('a rightsizing plan always becomes an operation');
      await audit('cost.recommendation.planned', ctx.user, rec, { operation_id: result.operation.id });
      return { operation: result.operation, auditId: result.auditId };
    },

    /** Applies the approved operation of `rec` (and verifies it), after checking the target again. */
    async apply(
      operationId: string,
      rec: CostRecommendation,
      ctx: { user: string; signal?: AbortSignal },
    ): Promise<Operation> {
      await check(rec, ctx.user, operationId);
      const operation = await opsFor().apply(operationId, { user: ctx.user, signal: ctx.signal });
      await audit(
        'cost.recommendation.applied',
        ctx.user,
        rec,
        { operation_id: operationId, state: operation.state },
        operation.state === 'APPLIED',
      );
      return operation;
    },
  };
}

/** The applier of {@link createCostApplier}. */
export type CostApplier = ReturnType<typeof createCostApplier>;
