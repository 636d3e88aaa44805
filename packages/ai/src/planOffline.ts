import type { ClusterGateway, PlanOutcome } from '@opspilot/core';
import { describeIntent } from './describeIntent.js';
import { describeMetricQuestion, matchMetricQuestion } from './intent/metricQuestion.js';
import { parseIntent } from './intent/parseIntent.js';
import { buildSteps } from './plan/buildSteps.js';
import { finishPlan } from './plan/finishPlan.js';
import type { PlanContext } from './plan/planContext.js';
import { cachedLister } from './resolve/resolveTarget.js';

/** Options of {@link planOffline}. */
export interface OfflineOptions {
  /** Only its `list` is used, to resolve names: the planner never writes. */
  gateway: Pick<ClusterGateway, 'list'>;
  /** The namespace the user chose (`-n`); names are searched in every namespace when missing. */
  namespace?: string;
}

/**
 * The built-in planner: deterministic, no model, no tokens. Plain English → a typed intent → names resolved against
 * the live cluster → a plan with classified risk and kubectl commands; or a clarifying question; or, for what it does
 * not understand, what it understood and the closest supported requests. A metrics question ("which pods use the
 * most memory") is answered as `metrics` with its named query, for the caller to answer with numbers.
 */
export async function planOffline(text: string, options: OfflineOptions): Promise<PlanOutcome> {
  const metric = metricOutcome(text);
  if (metric) return metric;
  const lister = cachedLister(options.gateway);
  const namespaces = await lister.list('Namespace');
  const intent = parseIntent(
    text,
    namespaces.map((n) => n.metadata.name),
  );
  if (!intent.ok) {
    return {
      kind: 'unsupported',
      message: `I could not turn "${text}" into a Kubernetes operation.`,
      understood: intent.error.understood,
      suggestions: intent.error.suggestions,
      notices: [],
    };
  }
  const ctx: PlanContext = {
    lister,
    namespaces,
    assumptions: [],
    ...(options.namespace ? { namespace: options.namespace } : {}),
  };
  const built = await buildSteps(intent.value, ctx);
  const understood = describeIntent(intent.value);
  switch (built.kind) {
    case 'question':
      return { kind: 'question', question: built.question, understood, candidates: built.candidates, notices: [] };
    case 'unsupported':
      return { kind: 'unsupported', message: built.message, understood, suggestions: built.suggestions, notices: [] };
    case 'steps': {
      const plan = finishPlan(
        { request: text, summary: built.summary, steps: built.steps, assumptions: ctx.assumptions, planner: 'offline' },
        namespaces,
      );
      return { kind: 'plan', plan, notices: [] };
    }
  }
}

/** The `metrics` outcome of a metrics question, or undefined for any other request. */
export function metricOutcome(text: string): Extract<PlanOutcome, { kind: 'metrics' }> | undefined {
  const metric = matchMetricQuestion(text);
  return metric ? { kind: 'metrics', metric, understood: describeMetricQuestion(metric), notices: [] } : undefined;
}
