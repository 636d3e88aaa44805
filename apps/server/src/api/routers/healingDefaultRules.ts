import { HealingRule } from '@opspilot/core';
import { DEFAULT_HEALING_RULES, defaultRulesFor } from '@opspilot/remediate';
import { z } from 'zod';
import { audit, procedureFor } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';

const DefaultRuleOutput = z.object({
  name: z.string(),
  description: z.string(),
  condition_type: z.string(),
  classes: z.array(z.string()),
  action_type: z.string(),
  remediations: z.array(z.string()),
  mode: z.enum(['suggest', 'approval', 'automatic']),
  max_objects: z.number().int(),
  cooldown_seconds: z.number().int(),
  max_retries: z.number().int(),
});

/**
 * The shipped default healing rules (`healing.defaultRules`, one per failure class of the catalogue) and saving them
 * for some namespaces (`healing.installDefaultRules`), disabled unless asked: enabling one is the policy decision.
 */
export const healingDefaultRulesProcedures = {
  /** The shipped default rules (one per failure class), to install disabled with `installDefaultRules`. */
  defaultRules: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/default-rules', tags: ['healing'], protect: true } })
    .input(z.object({}).optional())
    .output(z.array(DefaultRuleOutput))
    .query(() => [...DEFAULT_HEALING_RULES]),

  /**
   * Saves the default rules for the listed namespaces (and a cluster), disabled unless `enabled`; those whose name is
   * taken already are left as they are and named in `skipped`. Audited `healing.rule.created` per rule.
   */
  installDefaultRules: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/healing/default-rules', tags: ['healing'], protect: true } })
    .input(
      z.object({
        namespaces: z.array(z.string().min(1).max(253)).min(1).max(20),
        cluster_id: z.uuid().optional(),
        enabled: z.boolean().default(false),
        only: z.array(z.string().min(1).max(100)).max(20).optional(),
        prefix: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,40}$/)
          .optional(),
      }),
    )
    .output(z.object({ created: z.array(HealingRule), skipped: z.array(z.string()) }))
    .mutation(async ({ ctx, input }) => {
      if (input.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const created: HealingRule[] = [];
      const skipped: string[] = [];
      for (const rule of defaultRulesFor(input)) {
        const taken = await ctx.services.store.healingRules.list({ name: rule.name }, { page_size: 1 });
        if (taken.items.length > 0) {
          skipped.push(rule.name);
          continue;
        }
        const saved = await ctx.services.store.healingRules.create(rule);
        await audit(ctx, {
          action: 'healing.rule.created',
          target: `healingrule/${saved.name}`,
          details: { rule: saved },
        });
        created.push(saved);
      }
      return { created, skipped };
    }),
};
