import { GeneratedConfig, NotAllowedError, NotFoundError, Review, ReviewStatus } from '@opspilot/core';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import { PageInput, pageInMemory, pageOf } from '../apiSchemas.js';
import type { ApiServices } from '../apiServices.js';
import { audit, procedureFor, router } from '../trpc.js';

const REVIEWABLE = ['NEEDS_REVIEW', 'REVIEW_AGAIN'] as const;

/** The generated configuration with the user and cluster of the command that produced it. */
async function planOf(services: ApiServices, principal: Principal, id: string) {
  const config = await services.store.generatedConfigs.find(id);
  const command = config?.ai_command_id ? await services.store.aiCommands.find(config.ai_command_id) : undefined;
  const visible = principal.clusterIds === 'all' || canSeeCluster(principal, command?.cluster_id);
  if (!config || !visible) {
    throw new NotFoundError(`generated configuration ${id} not found`, { hint: 'list pending reviews to see the ids' });
  }
  return { config, requestedBy: command?.user_id, clusterId: command?.cluster_id };
}

/**
 * Review of generated plans and configurations (seed 000 "Review Process"): list what waits for review, and decide.
 * Deciding needs the APPROVER role, and nobody approves what they asked for themselves. The decision moves the
 * configuration through the seed-000 state machine, is stored as a Review, audited and announced as
 * `PLAN_STATE_CHANGED`.
 */
export const reviewsRouter = router({
  pending: procedureFor('VIEWER')
    .meta({
      openapi: {
        method: 'GET',
        path: '/reviews/pending',
        tags: ['reviews'],
        protect: true,
        summary: 'Waiting for review',
      },
    })
    .input(z.object(PageInput))
    .output(pageOf(GeneratedConfig))
    .query(async ({ ctx, input }) => {
      const { store } = ctx.services;
      const waiting: GeneratedConfig[] = [];
      for (const state of REVIEWABLE) {
        for (let page = 1; ; page++) {
          const result = await store.generatedConfigs.list({ state }, { page, page_size: 100 });
          for (const config of result.items) {
            const command = config.ai_command_id ? await store.aiCommands.find(config.ai_command_id) : undefined;
            if (ctx.principal.clusterIds === 'all' || canSeeCluster(ctx.principal, command?.cluster_id)) {
              waiting.push(config);
            }
          }
          if (page >= result.total_pages) break;
        }
      }
      return pageInMemory(waiting, input.page, input.page_size);
    }),

  decide: procedureFor('APPROVER')
    .meta({
      openapi: {
        method: 'POST',
        path: '/reviews/{generated_config_id}',
        tags: ['reviews'],
        protect: true,
        summary: 'Approve, reject or ask for changes',
      },
    })
    .input(
      z.object({ generated_config_id: z.uuid(), decision: ReviewStatus, notes: z.string().max(10_000).default('') }),
    )
    .output(z.object({ review: Review, config: GeneratedConfig }))
    .mutation(async ({ ctx, input }) => {
      const { store, bus, clock } = ctx.services;
      const plan = await planOf(ctx.services, ctx.principal, input.generated_config_id);
      if (plan.requestedBy === ctx.principal.user.id) {
        throw new NotAllowedError('you cannot review a plan you asked for yourself', {
          hint: 'ask another approver to review it',
          details: { reason: 'SELF_APPROVAL' },
        });
      }
      const { review, config } = await store.transaction(async (tx) => {
        const moved = await tx.generatedConfigs.transition(plan.config.id, input.decision);
        const created = await tx.reviews.create({
          generated_config_id: plan.config.id,
          reviewer_id: ctx.principal.user.id,
          approval_status: input.decision,
          feedback_notes: input.notes,
        });
        return { review: created, config: moved };
      });
      await audit(ctx, {
        action: `review.${input.decision.toLowerCase()}`,
        target: `generated_config:${config.id}`,
        cluster_id: plan.clusterId,
        details: { from: plan.config.state, to: config.state },
      });
      await bus.publish({
        event_type: 'PLAN_STATE_CHANGED',
        cluster_id: plan.clusterId,
        timestamp: clock.now().toISOString(),
        payload: {
          generated_config_id: config.id,
          from: plan.config.state,
          to: config.state,
          reviewer_id: ctx.principal.user.id,
        },
      });
      return { review, config };
    }),
});
