import { defineTool, formatRef, type KubeObject, PlanOutcome, PlanStep, type Tool } from '@opspilot/core';
import { z } from 'zod';
import { finishPlan } from '../plan/finishPlan.js';
import { planOffline } from '../planOffline.js';
import { safePattern } from '../safety/safePattern.js';
import type { AgentToolContext } from './toolContext.js';

/** The context of the plan-proposing tools: where the final answer goes. */
export interface PlanToolContext extends AgentToolContext {
  request: string;
  modelId: string;
  namespaces: KubeObject[];
  /** Called once with the answer; the loop ends after the current turn. */
  conclude(outcome: PlanOutcome): void;
}

const Proposal = z.object({
  summary: z.string().min(1).describe('one sentence: what the plan does'),
  steps: z.array(PlanStep).min(1),
  assumptions: z.array(z.string()).default([]),
});

async function missingTargets(ctx: PlanToolContext, steps: PlanStep[]): Promise<string[]> {
  const missing: string[] = [];
  for (const step of steps) {
    if (step.op === 'list' || step.op === 'changes' || (step.op === 'apply' && step.mode === 'create')) continue;
    const ref =
      step.op === 'apply'
        ? { kind: step.object.kind, name: step.object.metadata.name, namespace: step.object.metadata.namespace }
        : step.target;
    if (ref && !(await ctx.cluster.get(ref)))
      missing.push(`${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`);
  }
  return missing;
}

/** Why each `logs` step's `match` cannot be used (too long, or not RE2 syntax). */
function badPatterns(steps: PlanStep[]): string[] {
  return steps.flatMap((step) => {
    if (step.op !== 'logs' || step.match === undefined) return [];
    const pattern = safePattern(step.match, { ignoreCase: true });
    return pattern.ok ? [] : [`${pattern.error.message} (${pattern.error.hint})`];
  });
}

/**
 * `propose_plan`: the model's answer as typed steps. They are parsed with the `PlanStep` schema, a `logs` step's
 * `match` must be a valid RE2 pattern ({@link safePattern}), every object they change must exist, and the risk is classified by code; the plan is returned for review and never executed here.
 */
export const proposePlanTool = defineTool<z.input<typeof Proposal>, string, PlanToolContext>({
  name: 'propose_plan',
  description:
    'Propose the plan that answers the request: typed Kubernetes steps (apply, scale, rolloutRestart, rolloutUndo, delete, cordon, uncordon, drain, logs, get, describe, list, analyze). It is reviewed by a person before anything runs.',
  input: Proposal as z.ZodType<z.input<typeof Proposal>>,
  effect: 'read',
  run: async (ctx, raw) => {
    const proposal = Proposal.parse(raw);
    const invalid = badPatterns(proposal.steps);
    if (invalid.length) return { ok: false, error: invalid.join('; ') };
    const missing = await missingTargets(ctx, proposal.steps);
    if (missing.length)
      return { ok: false, error: `these objects do not exist: ${missing.join(', ')}; check names with list_objects` };
    const plan = finishPlan(
      {
        request: ctx.request,
        summary: proposal.summary,
        steps: proposal.steps,
        assumptions: proposal.assumptions,
        planner: ctx.modelId,
      },
      ctx.namespaces,
    );
    ctx.conclude({ kind: 'plan', plan, notices: [] });
    return { ok: true, value: `plan accepted for review (risk ${plan.risk})` };
  },
});

const Question = z.object({
  question: z.string().min(1),
  candidates: z
    .array(z.object({ kind: z.string().min(1), name: z.string().min(1), namespace: z.string().min(1).optional() }))
    .default([])
    .describe('the objects the user may have meant'),
});

/** `ask_user`: a clarifying question instead of a guess. */
export const askUserTool = defineTool<z.input<typeof Question>, string, PlanToolContext>({
  name: 'ask_user',
  description:
    'Ask the user a clarifying question (e.g. which of several matching objects they mean) instead of guessing.',
  input: Question as z.ZodType<z.input<typeof Question>>,
  effect: 'read',
  run: async (ctx, raw) => {
    const { question, candidates } = Question.parse(raw);
    ctx.conclude({
      kind: 'question',
      question,
      understood: ctx.request,
      candidates: candidates.map((ref) => ({ ref, label: formatRef(ref) })),
      notices: [],
    });
    return { ok: true, value: 'question sent to the user' };
  },
});

const Rephrased = z.object({
  request: z.string().min(1).describe('the request in a plain phrasing, e.g. "scale backend to 3 replicas"'),
});

/** `use_builtin_planner`: hands a rephrased request to the deterministic planner; its plan becomes the answer. */
export const builtinPlannerTool = defineTool<z.infer<typeof Rephrased>, string, PlanToolContext>({
  name: 'use_builtin_planner',
  description:
    'Plan a common operation with the deterministic built-in planner (scale, restart, roll back, set image/env/resources, expose, create, delete, cordon/drain, label, logs, list, describe, diagnose, switch blue/green, resize a volume). Give it a plain rephrasing.',
  input: Rephrased,
  effect: 'read',
  run: async (ctx, { request }) => {
    const outcome = await planOffline(request, {
      gateway: ctx.cluster,
      ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
    });
    if (outcome.kind === 'unsupported')
      return { ok: false, error: `${outcome.message} Try: ${outcome.suggestions.join('; ')}` };
    if (outcome.kind === 'plan') {
      ctx.conclude(
        PlanOutcome.parse({
          kind: 'plan',
          plan: { ...outcome.plan, request: ctx.request, planner: `${ctx.modelId}+offline` },
        }),
      );
    } else ctx.conclude(outcome);
    return {
      ok: true,
      value:
        outcome.kind === 'plan'
          ? outcome.plan.summary
          : outcome.kind === 'question'
            ? outcome.question
            : outcome.understood,
    };
  },
});

/** The tools whose output is an answer (a plan or a question), never an execution. */
export const PLAN_TOOLS = [proposePlanTool, askUserTool, builtinPlannerTool] as Tool<
  unknown,
  string,
  PlanToolContext
>[];
