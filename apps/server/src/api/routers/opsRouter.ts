import { Candidate, NotFoundError, ObjectRef, Operation, OperationState, redactOperation } from '@opspilot/core';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import { answerCostAsk, CostAskAnswer } from '../../cost/askCost.js';
import { applyRecommendationOperation, recommendationOfOperation } from '../../cost/recommendationOperations.js';
import { FixStatus, fixStatusOf, rememberFix, settleAppliedFix } from '../../healing/fixSettlement.js';
import { answerMetricQuestion } from '../../metrics/metricQuestionAnswer.js';
import { answerPolicyAudit, PolicyAuditAnswer } from '../../security/askPolicyAudit.js';
import { IdInput, PageInput, pageOf } from '../apiSchemas.js';
import type { ApiServices } from '../apiServices.js';
import { requestWithChoices } from '../requestWithChoices.js';
import { serverOperations } from '../serverOperations.js';
import { procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';
import { MetricsAnswerOutput } from './metricsSchemas.js';

/** The answer to `ops.ask`: an operation, or the planner's question or refusal. */
export const AskResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('operation'), operation: Operation, auditId: z.string() }),
  z.object({
    kind: z.literal('question'),
    question: z.string(),
    understood: z.string(),
    candidates: z.array(Candidate),
  }),
  z.object({
    kind: z.literal('unsupported'),
    message: z.string(),
    understood: z.string(),
    suggestions: z.array(z.string()),
  }),
  /** A metrics question ("which pods use the most memory"), answered with numbers by its named query: no operation. */
  z.object({ kind: z.literal('metrics'), understood: z.string(), answer: MetricsAnswerOutput }),
  /** "Which … violate <policy>": the violating objects (the security guardian's audit), no operation. */
  PolicyAuditAnswer,
  /** "How much does namespace todo cost per month", "what can I save": the cost optimizer's answer, no operation. */
  CostAskAnswer,
]);

/** The operation with this id if the caller may see its cluster (an invisible one reads as missing). */
async function visibleOperation(services: ApiServices, principal: Principal, id: string) {
  const operation = await services.store.operations.get(id);
  if (!operation?.cluster_id || !canSeeCluster(principal, operation.cluster_id)) {
    throw new NotFoundError(`operation ${id} not found`, { hint: 'list operations to see the ids you have access to' });
  }
  return { operation, ops: await serverOperations(services, operation.cluster_id, { principal }) };
}

/**
 * Plain-English operations (seeds 000 and 002) through the lifecycle of `@opspilot/ops`: `ask` plans, classifies
 * the risk, dry-runs and stores the operation (reads run at once) — or asks which object was meant, and is then sent
 * the same request again with the candidate picked in `choices`; `approve` needs APPROVER (and for a destructive
 * plan someone other than the proposer who types the resource names); `execute` (REST `POST /ops/{id}/apply`; tRPC reserves `apply`) carries an approved operation out and
 * verifies it — a fix from the remediation catalogue (`ask "fix …"`, the Fix button) is then watched until verified or
 * rolled back, which `fixStatus` tells; `reject` closes it. Every state change is audited and announced as `PLAN_STATE_CHANGED`. Operations are
 * answered redacted (`redactOperation`: Secret values as `<redacted>`), whichever procedure returns them.
 */
export const opsRouter = router({
  ask: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/ops/ask', tags: ['ops'], protect: true, summary: 'Plan a request' } })
    .input(
      z.object({
        request: z.string().min(1).max(10_000),
        cluster_id: z.uuid(),
        namespace: z.string().min(1).optional(),
        /** The candidates picked (`ref` of a question's candidates) when the same request was answered with a question. */
        choices: z.array(ObjectRef).max(10).default([]),
      }),
    )
    .output(AskResult)
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const ops = await serverOperations(ctx.services, cluster.id, {
        principal: ctx.principal,
        choices: input.choices,
      });
      const chosen = requestWithChoices(input.request, input.choices);
      const proposed = await ops.propose(chosen.request, {
        user: ctx.principal.user.username,
        namespace: input.namespace ?? chosen.namespace,
      });
      if (proposed.kind === 'cost') {
        const answer = await answerCostAsk(
          ctx.services,
          ctx.principal,
          cluster,
          proposed,
          input.namespace ?? chosen.namespace,
        );
        return answer.kind === 'operation'
          ? { ...answer, operation: redactOperation(answer.operation as Operation) }
          : answer;
      }
      // A repair request answered from the remediation catalogue: its fix is settled when the operation is applied.
      const fix = proposed.kind === 'operation' ? ops.fixOf(proposed.operation.plan) : undefined;
      if (fix && proposed.kind === 'operation')
        await rememberFix(ctx.services, proposed.operation, fix, { principal: ctx.principal });
      if (proposed.kind === 'policy-audit')
        return answerPolicyAudit(ctx.services, cluster, proposed, input.namespace ?? chosen.namespace);
      // The planner read a metrics question: its named query's numbers, no operation.
      if (proposed.kind !== 'metrics') return proposed;
      const now = ctx.services.clock.now();
      return {
        kind: 'metrics' as const,
        ...(await answerMetricQuestion(ctx.services.metrics, cluster, proposed.metric, input.namespace, now)),
      };
    }),

  approve: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/ops/{id}/approve', tags: ['ops'], protect: true, summary: 'Approve' } })
    .input(IdInput.extend({ confirmations: z.array(z.string().min(1)).default([]) }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const { ops } = await visibleOperation(ctx.services, ctx.principal, input.id);
      return ops.approve(input.id, { user: ctx.principal.user.username, confirmations: input.confirmations });
    }),

  reject: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/ops/{id}/reject', tags: ['ops'], protect: true, summary: 'Reject' } })
    .input(IdInput.extend({ reason: z.string().max(2000).optional() }))
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const { ops } = await visibleOperation(ctx.services, ctx.principal, input.id);
      return ops.reject(input.id, { user: ctx.principal.user.username, reason: input.reason });
    }),

  execute: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/ops/{id}/apply', tags: ['ops'], protect: true, summary: 'Apply' } })
    .input(IdInput)
    .output(Operation)
    .mutation(async ({ ctx, input }) => {
      const { ops, operation } = await visibleOperation(ctx.services, ctx.principal, input.id);
      // A rightsizing planned from a recommendation (`ask "rightsize X"`) settles the recommendation too.
      const rec = await recommendationOfOperation(ctx.services, operation);
      const applied =
        rec?.status === 'OPEN'
          ? await applyRecommendationOperation(ctx.services, ctx.principal, rec, input.id)
          : await ops.apply(input.id, { user: ctx.principal.user.username });
      // A fix is then watched (in the background) until verified or rolled back: `ops.fixStatus` tells.
      await settleAppliedFix(ctx.services, applied, { principal: ctx.principal });
      return applied;
    }),

  fixStatus: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/ops/{id}/fix',
        tags: ['ops'],
        protect: true,
        summary: 'Where the fix of an operation stands',
      },
    })
    .input(IdInput)
    .output(FixStatus.nullable())
    .query(async ({ ctx, input }) => {
      const { operation } = await visibleOperation(ctx.services, ctx.principal, input.id);
      return (await fixStatusOf(ctx.services, operation)) ?? null;
    }),

  get: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/ops/{id}', tags: ['ops'], protect: true, summary: 'Status' } })
    .input(IdInput)
    .output(Operation)
    .query(async ({ ctx, input }) =>
      redactOperation((await visibleOperation(ctx.services, ctx.principal, input.id)).operation),
    ),

  list: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/ops', tags: ['ops'], protect: true, summary: 'List operations' } })
    .input(z.object({ state: OperationState.optional(), ...PageInput }))
    .output(pageOf(Operation))
    .query(async ({ ctx, input }) => {
      const { store } = ctx.services;
      if (ctx.principal.clusterIds === 'all') {
        const page = await store.operations.list(input.state ? { state: input.state } : {}, {
          page: input.page,
          page_size: input.page_size,
        });
        return { ...page, items: page.items.map(redactOperation) };
      }
      const visible: Operation[] = [];
      for (const clusterId of ctx.principal.clusterIds) {
        for (let page = 1; ; page++) {
          const result = await store.operations.list(
            { cluster_id: clusterId, ...(input.state ? { state: input.state } : {}) },
            { page, page_size: 100 },
          );
          visible.push(...result.items.map(redactOperation));
          if (page >= result.total_pages) break;
        }
      }
      visible.sort((a, b) => b.created_at.localeCompare(a.created_at));
      const start = (input.page - 1) * input.page_size;
      return {
        items: visible.slice(start, start + input.page_size),
        total: visible.length,
        page: input.page,
        page_size: input.page_size,
        total_pages: Math.ceil(visible.length / input.page_size),
      };
    }),
});
