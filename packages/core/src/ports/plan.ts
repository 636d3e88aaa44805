import { z } from 'zod';
import { ToolEffect } from '../plugins/tool.js';
import { CostQuestion } from './costQuestion.js';
import { ObjectRef } from './kubeObject.js';
import { PlanStep } from './planStep.js';

/** The equivalent kubectl commands of a plan, for the two shells people paste into. */
export const RenderedCommands = z.object({ bash: z.string(), powershell: z.string() });
export type RenderedCommands = z.infer<typeof RenderedCommands>;

/**
 * What a plain-English request (or a model) proposes: typed steps, their risk as classified by deterministic code
 * (`read` runs at once, `write` needs an approver, `destructive` an approver and a typed confirmation), the reasons
 * for that risk, and the equivalent kubectl commands. A plan is only a proposal: `@opspilot/ops` validates,
 * dry-runs, reviews and executes it.
 */
export const Plan = z.object({
  /** The request as the user wrote it. */
  request: z.string().min(1),
  /** One sentence: what the plan does. */
  summary: z.string().min(1),
  steps: z.array(PlanStep).min(1),
  risk: ToolEffect,
  /** Why the risk is what it is, e.g. `deletes namespace todo and everything in it`. */
  riskReasons: z.array(z.string()),
  /** What was inferred rather than said, e.g. `namespace todo: backend exists only there`. */
  assumptions: z.array(z.string()).default([]),
  rendered: RenderedCommands,
  /** `offline` for the built-in planner, else the model id (recorded as the audit trail's `ai_tool`). */
  planner: z.string().min(1),
});
export type Plan = z.infer<typeof Plan>;

/** An object the user may have meant, offered with a clarifying question. */
export const Candidate = z.object({ ref: ObjectRef, label: z.string() });
export type Candidate = z.infer<typeof Candidate>;

/** Things the user should know about how the answer was made, e.g. `the model failed (429); planned offline`. */
const Notices = z.array(z.string()).default([]);

/**
 * A question about metrics ("which pods use the most memory", "error rate of backend in the last hour") read as a
 * named query of the metrics service: its name (`top-pods-by-memory`, `node-cpu`, `error-rate`, …), its parameters
 * and the window the question names, in seconds.
 */
export const MetricQuestion = z.object({
  name: z.string().min(1),
  params: z.object({
    app: z.string().min(1).optional(),
    namespace: z.string().min(1).optional(),
    limit: z.number().int().positive().optional(),
  }),
  windowSeconds: z.number().positive().optional(),
});
export type MetricQuestion = z.infer<typeof MetricQuestion>;

/**
 * The answer to a plain-English request: a plan; a clarifying question (an ambiguous or unknown name — never a
 * guess) with the candidates; an unsupported request with what was understood and the closest supported requests;
 * a metrics question, which the caller answers with numbers from its named query (a read: no plan, no operation);
 * a policy audit question, which the caller answers with the violating objects; or a cost question, which the
 * caller answers with the cost optimizer (a rightsizing question with a plan for review).
 */
export const PlanOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plan'), plan: Plan, notices: Notices }),
  z.object({
    kind: z.literal('question'),
    question: z.string().min(1),
    understood: z.string(),
    candidates: z.array(Candidate),
    notices: Notices,
  }),
  z.object({
    kind: z.literal('unsupported'),
    message: z.string().min(1),
    understood: z.string(),
    suggestions: z.array(z.string()),
    notices: Notices,
  }),
  z.object({ kind: z.literal('metrics'), metric: MetricQuestion, understood: z.string(), notices: Notices }),
  /** "Which … violate <policy>": a read the caller answers with a policy audit (`@opspilot/security`). */
  z.object({
    kind: z.literal('policy-audit'),
    sentence: z.string().min(1),
    template: z.string().min(1),
    parameters: z.record(z.string(), z.unknown()),
    match: z.record(z.string(), z.unknown()),
    understood: z.string(),
    notices: Notices,
  }),
  /** "How much does namespace todo cost", "what can I save", "rightsize backend": answered by `@opspilot/cost`. */
  z.object({ kind: z.literal('cost'), question: CostQuestion, understood: z.string(), notices: Notices }),
]);
export type PlanOutcome = z.infer<typeof PlanOutcome>;
