import type { Clock, ClusterGateway, LanguageModel, PlanOutcome } from '@opspilot/core';
import { type AgentBudgets, type AgentOptions, runAgent } from './agent/runAgent.js';
import { metricOutcome, type PlannerSession, planOffline, planRepair } from './planOffline.js';
import type { RepairCatalogue } from './repairCatalogue.js';
import { readRequest } from './requestReaders.js';

/** Options of {@link planRequest}. */
export interface PlanRequestOptions {
  /** The cluster names are resolved against; only read. */
  gateway: ClusterGateway;
  /** The namespace the user chose (`-n`). */
  namespace?: string;
  /** A configured model; without one (or with the `offline` id) the built-in planner answers. */
  model?: LanguageModel;
  budgets?: Partial<AgentBudgets>;
  clock?: Clock;
  signal?: AbortSignal;
  /** See {@link AgentOptions.onToolResult}. */
  onToolResult?: AgentOptions['onToolResult'];
  /** The conversation (for `it`/`them`); see {@link PlannerSession}. */
  session?: PlannerSession;
  /** The remediation catalogue, asked first for a grounded "fix …" request (see {@link RepairCatalogue}). */
  repair?: RepairCatalogue;
}

/**
 * Plain English to a {@link PlanOutcome}: a plan (with risk and kubectl commands), a clarifying question, an
 * unsupported request, or a metrics question read as a named query. With a model the agent loop answers — except a
 * repair the remediation catalogue (`repair`) answers, as offline; if the model fails or spends its budget, the offline
 * planner answers and `notices` says why. Nothing is executed: `@opspilot/ops` takes the plan from here.
 * @example
 * const outcome = await planRequest('scale backend to 3 replicas', { gateway });
 * if (outcome.kind === 'plan') console.log(outcome.plan.rendered.bash);
 */
export async function planRequest(text: string, options: PlanRequestOptions): Promise<PlanOutcome> {
  const { gateway, namespace, model } = options;
  const offline = () =>
    planOffline(text, {
      gateway,
      ...(namespace ? { namespace } : {}),
      ...(options.session ? { session: options.session } : {}),
      ...(options.repair ? { repair: options.repair } : {}),
    });
  if (!model || model.id === 'offline') return offline();
  // Metric questions go to their named query, model or not: numbers, not a plan.
  const metric = metricOutcome(text);
  if (metric) return metric;
  const read = readRequest(text);
  if (read) return read;
  // A repair goes to the remediation catalogue through the same port as offline: its fixes carry their evidence,
  // preconditions, verification and rollback, which a model's own plan would not.
  if (options.repair) {
    const fixed = await planRepair(text, {
      gateway,
      repair: options.repair,
      ...(namespace ? { namespace } : {}),
      ...(options.session ? { session: options.session } : {}),
    });
    if (fixed) return { ...fixed, notices: [...fixed.notices, 'answered from the remediation catalogue'] };
  }
  const answer = await runAgent(text, {
    gateway,
    model,
    ...(namespace ? { namespace } : {}),
    ...(options.budgets ? { budgets: options.budgets } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onToolResult ? { onToolResult: options.onToolResult } : {}),
  });
  if (answer.ok) return answer.value;
  const fallback = await offline();
  return { ...fallback, notices: [...fallback.notices, `${answer.error}; the built-in planner answered instead`] };
}
