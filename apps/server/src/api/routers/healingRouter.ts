import {
  Evidence,
  Finding,
  HealingAction,
  HealingActionStatus,
  HealingRule,
  HealingTrigger,
  InputError,
  NewHealingRule,
  NotFoundError,
  ObjectRef,
  Operation,
  PlanStep,
} from '@opspilot/core';
import { BUILTIN_REMEDIATIONS, currentFindings, healingLearning, validateHealingRule } from '@opspilot/remediate';
import { z } from 'zod';
import { canSeeCluster } from '../../auth/principal.js';
import { rememberFix } from '../../healing/fixSettlement.js';
import { serverRemediator } from '../../healing/serverRemediator.js';
import { runHealingPass } from '../../healing/startHealing.js';
import { incidentsOf } from '../../incidents/incidentServices.js';
import { BoolParam, IdInput, PageInput, pageOf } from '../apiSchemas.js';
import type { ApiServices } from '../apiServices.js';
import { audit, procedureFor, router } from '../trpc.js';
import { visibleCluster } from '../visibleClusters.js';
import { healingDefaultRulesProcedures } from './healingDefaultRules.js';

/** A candidate fix as the API shows it. */
export const CandidateOutput = z.object({
  remediation: z.string(),
  finding_id: z.string(),
  finding_class: z.string(),
  summary: z.string(),
  steps: z.array(PlanStep),
  evidence: z.array(Evidence),
  effect: z.enum(['write', 'destructive']),
  risk: z.array(z.string()),
  alternatives: z.array(z.string()),
  revision_diff: z.array(z.string()),
  subject: ObjectRef,
  confidence: z.number(),
});

const FindingInput = z.object({
  cluster_id: z.uuid(),
  /** The finding's id, as `analyze` and the Findings page show it (e.g. `pod-oom-killed:pod/shop/api-7d9:app`). */
  finding_id: z.string().min(1).max(500),
  namespace: z.string().min(1).max(253).optional(),
});

const StatOutput = z.object({
  key: z.string(),
  name: z.string(),
  runs: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  success_rate: z.number(),
  median_time_to_recover_ms: z.number().nullable(),
});

const RulePatch = z.object({
  id: z.uuid(),
  enabled: z.boolean().optional(),
  description: z.string().max(2000).optional(),
  condition_config: z.record(z.string(), z.unknown()).optional(),
  action_config: z.record(z.string(), z.unknown()).optional(),
  cooldown_seconds: z.number().int().min(0).optional(),
  max_retries: z.number().int().min(0).max(10).optional(),
});

/**
 * A rule that runs a runbook must name one that exists, and may run it automatically only when no step of it is
 * DESTRUCTIVE: refused at save time with the reason.
 */
async function checkRunbookRule(services: ApiServices, rule: Parameters<typeof validateHealingRule>[0]) {
  const parsed = validateHealingRule(rule);
  const name = parsed.limits.runbook;
  if (!name || parsed.remediation) return;
  const incidents = incidentsOf(services);
  await incidents.ready();
  const { runbook } = await incidents.library.load(name);
  const destructive = runbook.steps.filter((s) => s.effect === 'DESTRUCTIVE').map((s) => s.id);
  if (parsed.limits.mode === 'automatic' && !parsed.limits.dry_run && destructive.length > 0) {
    throw new InputError(
      `runbook ${name} has destructive step(s) ${destructive.join(', ')} and cannot run automatically`,
      {
        hint: 'use mode "approval": a person approves each change of the run',
      },
    );
  }
}

async function findingOf(services: ApiServices, clusterId: string, id: string, namespace?: string) {
  const gateway = await services.gateways.get(clusterId);
  const ns = namespace ?? id.split(':')[1]?.split('/')[1];
  const findings = await currentFindings(gateway, services.clock.now(), ns ? { namespace: ns } : {});
  const finding = findings.find((f) => f.id === id);
  if (!finding) {
    throw new NotFoundError(`no finding ${id} on the cluster now`, {
      hint: 'it may be fixed already; run analyze again to see the current findings',
    });
  }
  return finding;
}

/**
 * Success rate and median time to recover per rule, per remediation (or runbook) and per finding class, from every
 * stored healing action.
 */
async function learningOf(services: ApiServices) {
  const actions: HealingAction[] = [];
  for (let page = 1; page <= 50; page++) {
    const found = await services.store.healingActions.list({}, { page, page_size: 100 });
    actions.push(...found.items);
    if (actions.length >= found.total || found.items.length === 0) break;
  }
  const rules = await services.store.healingRules.list({}, { page_size: 100 });
  return healingLearning(actions, new Map(rules.items.map((r) => [r.id, r.name])));
}

/**
 * Self-healing and "fix it" (seed 004 selfHealing): the remediation catalogue, a finding's ranked candidate fixes
 * (`preview`), turning one into an operation for review (`fix`), healing rules (validated when saved: never a system
 * namespace, never beyond their blast radius, automatic only for non-destructive fixes), their actions (`history`)
 * and what was learned (`stats`: success rate and median time to recover per rule and remediation).
 */
export const healingRouter = router({
  catalogue: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/catalogue', tags: ['healing'], protect: true } })
    .input(z.object({}).optional())
    .output(
      z.array(
        z.object({ id: z.string(), title: z.string(), finding_classes: z.array(z.string()), effect: z.string() }),
      ),
    )
    .query(() =>
      BUILTIN_REMEDIATIONS.map((r) => ({
        id: r.id,
        title: r.title,
        finding_classes: r.findingClasses,
        effect: r.effect,
      })),
    ),

  preview: procedureFor('VIEWER')
    .meta({ openapi: { method: 'POST', path: '/healing/preview', tags: ['healing'], protect: true } })
    .input(FindingInput)
    .output(
      z.object({
        finding: Finding,
        candidates: z.array(CandidateOutput),
        declined: z.array(z.string()),
        /** What the ranking learned per remediation on this finding class (success rate, runs). */
        learned: z.record(z.string(), z.object({ rate: z.number(), runs: z.number().int() })),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const finding = await findingOf(ctx.services, cluster.id, input.finding_id, input.namespace);
      const remediator = await serverRemediator(ctx.services, cluster.id, { principal: ctx.principal });
      return remediator.diagnose(finding);
    }),

  fix: procedureFor('OPERATOR')
    .meta({ openapi: { method: 'POST', path: '/healing/fix', tags: ['healing'], protect: true } })
    .input(
      FindingInput.extend({
        remediation: z.string().min(1).max(100).optional(),
        index: z.number().int().min(0).default(0),
      }),
    )
    .output(
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('operation'), operation: Operation, candidate: CandidateOutput }),
        z.object({ kind: z.literal('abandoned'), reasons: z.array(z.string()) }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      const finding = await findingOf(ctx.services, cluster.id, input.finding_id, input.namespace);
      const remediator = await serverRemediator(ctx.services, cluster.id, { principal: ctx.principal });
      const proposal = await remediator.diagnose(finding, input.remediation ? { only: input.remediation } : {});
      const candidate = proposal.candidates[input.index];
      if (!candidate) {
        throw new NotFoundError(`no candidate fix ${input.index + 1} for ${finding.id}`, {
          hint: proposal.declined.join('; ') || 'preview the finding to see its candidates',
        });
      }
      const proposed = await remediator.propose(candidate, {
        user: ctx.principal.user.username,
        request: `fix ${finding.id}`,
      });
      if (proposed.kind !== 'operation') return proposed;
      // Settled (verified, or rolled back) when the operation is applied, by whoever applies it.
      await rememberFix(ctx.services, proposed.operation, candidate, { principal: ctx.principal });
      return { kind: 'operation' as const, operation: proposed.operation, candidate };
    }),

  ...healingDefaultRulesProcedures,

  rules: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/rules', tags: ['healing'], protect: true } })
    .input(z.object({ enabled: BoolParam.optional(), ...PageInput }))
    .output(pageOf(HealingRule))
    .query(({ ctx, input }) =>
      ctx.services.store.healingRules.list(
        { enabled: input.enabled },
        { page: input.page, page_size: input.page_size },
      ),
    ),

  createRule: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/healing/rules', tags: ['healing'], protect: true } })
    .input(NewHealingRule)
    .output(HealingRule)
    .mutation(async ({ ctx, input }) => {
      if (input.cluster_id) await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      await checkRunbookRule(ctx.services, input);
      const rule = await ctx.services.store.healingRules.create(input);
      await audit(ctx, { action: 'healing.rule.created', target: `healingrule/${rule.name}`, details: { rule } });
      return rule;
    }),

  updateRule: procedureFor('APPROVER')
    .meta({ openapi: { method: 'PATCH', path: '/healing/rules/{id}', tags: ['healing'], protect: true } })
    .input(RulePatch)
    .output(HealingRule)
    .mutation(async ({ ctx, input }) => {
      const { id, ...patch } = input;
      const current = await ctx.services.store.healingRules.get(id);
      await checkRunbookRule(ctx.services, { ...current, ...patch } as never);
      const rule = await ctx.services.store.healingRules.update(id, patch as never);
      await audit(ctx, { action: 'healing.rule.updated', target: `healingrule/${rule.name}`, details: { patch } });
      return rule;
    }),

  deleteRule: procedureFor('APPROVER')
    .meta({ openapi: { method: 'DELETE', path: '/healing/rules/{id}', tags: ['healing'], protect: true } })
    .input(IdInput)
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const rule = await ctx.services.store.healingRules.get(input.id);
      await ctx.services.store.healingRules.delete(input.id);
      await audit(ctx, {
        action: 'healing.rule.deleted',
        target: `healingrule/${rule.name}`,
        details: { id: rule.id },
      });
      return { deleted: true as const };
    }),

  history: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/history', tags: ['healing'], protect: true } })
    .input(
      z.object({
        rule_id: z.uuid().optional(),
        /** `MANUAL`: fixes people applied (ask, the Fix button, `opspilot fix`, security fixes); `RULE`: rules'. */
        trigger: HealingTrigger.optional(),
        status: HealingActionStatus.optional(),
        target: z.string().min(1).max(500).optional(),
        ...PageInput,
      }),
    )
    .output(pageOf(HealingAction))
    .query(async ({ ctx, input }) => {
      const { page, page_size, ...filter } = input;
      const found = await ctx.services.store.healingActions.list(filter, { page, page_size });
      return {
        ...found,
        items: found.items.filter((a) => !a.cluster_id || canSeeCluster(ctx.principal, a.cluster_id)),
      };
    }),

  stats: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/stats', tags: ['healing'], protect: true } })
    .input(z.object({}).optional())
    .output(
      z.object({ by_rule: z.array(StatOutput), by_remediation: z.array(StatOutput), by_class: z.array(StatOutput) }),
    )
    .query(({ ctx }) => learningOf(ctx.services)),

  /** The seed's `selfHealing.learning`: the same figures as `stats`. */
  learning: procedureFor('VIEWER')
    .meta({ openapi: { method: 'GET', path: '/healing/learning', tags: ['healing'], protect: true } })
    .input(z.object({}).optional())
    .output(
      z.object({ by_rule: z.array(StatOutput), by_remediation: z.array(StatOutput), by_class: z.array(StatOutput) }),
    )
    .query(({ ctx }) => learningOf(ctx.services)),

  runPass: procedureFor('APPROVER')
    .meta({ openapi: { method: 'POST', path: '/healing/run', tags: ['healing'], protect: true } })
    .input(z.object({ cluster_id: z.uuid() }))
    .output(
      z.object({
        actions: z.array(HealingAction),
        held: z.array(z.object({ rule: z.string(), target: z.string(), reason: z.string() })),
        paused: z.array(z.object({ rule: z.string(), reason: z.string() })),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const cluster = await visibleCluster(ctx.services.store, ctx.principal, input.cluster_id);
      return runHealingPass(ctx.services, cluster.id);
    }),
});
