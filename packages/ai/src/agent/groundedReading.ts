import type { ClusterGateway } from '@opspilot/core';
import { planOffline } from '../planOffline.js';
import { untrusted } from './untrusted.js';

/**
 * What the built-in planner made of a request — its grounded frame planned against the cluster (a plan's summary
 * and steps, its question, or why it refused) — for the agent loop to start from, so that a model improves on the
 * offline answer instead of starting blind. Wrapped as cluster data (it holds the cluster's names); no values of
 * the steps are included. Undefined when the planner has nothing to say (a metrics question).
 */
export async function groundedReading(
  text: string,
  gateway: Pick<ClusterGateway, 'list'>,
  namespace?: string,
): Promise<string | undefined> {
  const outcome = await planOffline(text, { gateway, ...(namespace ? { namespace } : {}) }).catch(() => undefined);
  if (!outcome || outcome.kind === 'metrics' || outcome.kind === 'policy-audit' || outcome.kind === 'cost')
    return undefined;
  const reading =
    outcome.kind === 'plan'
      ? `plan (${outcome.plan.risk}): ${outcome.plan.summary}\nsteps:\n${outcome.plan.steps.map((s, i) => `${i + 1}. ${s.op}: ${s.description}`).join('\n')}${outcome.plan.assumptions.length ? `\nassumptions: ${outcome.plan.assumptions.join('; ')}` : ''}`
      : outcome.kind === 'question'
        ? `question: ${outcome.question}`
        : `refused: ${outcome.message} (understood: ${outcome.understood})`;
  return `The built-in planner's grounded reading of this request (names found in the cluster, values typed) follows. If it is what the user meant, call use_builtin_planner with the request unchanged; call propose_plan only to improve on it, or ask_user when it asked.\n${untrusted('built-in planner', reading)}`;
}
