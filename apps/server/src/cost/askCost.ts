import { type Cluster, CostQuestion, type PlanOutcome } from '@opspilot/core';
import { answerCostQuestion, answerSavings, createCostApplier, rightsizingOf } from '@opspilot/cost';
import { z } from 'zod';
import type { ApiServices } from '../api/apiServices.js';
import { serverOpsDeps } from '../api/serverOperations.js';
import type { Principal } from '../auth/principal.js';
import { allocation, recommendations } from './costQueries.js';

/**
 * `ops.ask`'s answer to a cost question: the amount (per period asked, or per month saved), its breakdown and one
 * sentence. "Rightsize backend" is answered with an operation instead (the recommendation's plan, for review).
 */
export const CostAskAnswer = z.object({
  kind: z.literal('cost'),
  understood: z.string(),
  question: CostQuestion,
  currency: z.string(),
  amount: z.number(),
  lines: z.array(z.object({ name: z.string(), amount: z.number() })),
  answer: z.string(),
});
type CostAskAnswer = z.infer<typeof CostAskAnswer>;

const HOUR = 3_600_000;

/**
 * Answers a cost question on one cluster: its allocation over the last 24 h (rate per hour scaled to the period),
 * its open recommendations (those stored, else computed and stored as `costOptimizer.recommendations` does), or — for "rightsize X" — the
 * largest RIGHTSIZE recommendation of X planned as an operation waiting for review, exactly as
 * `costOptimizer.applyRecommendation` plans it (target checked, dry-run, diff, audited).
 */
export async function answerCostAsk(
  services: ApiServices,
  principal: Principal,
  cluster: Cluster,
  outcome: Extract<PlanOutcome, { kind: 'cost' }>,
  namespace?: string,
): Promise<CostAskAnswer | { kind: 'operation'; operation: unknown; auditId: string }> {
  const q = outcome.question;
  const base = { kind: 'cost' as const, understood: outcome.understood, question: q };
  if (q.kind === 'cost') {
    const result = await allocation(services, [cluster], {
      aggregate: q.workload ? 'workload' : 'namespace',
      sinceMs: 24 * HOUR,
      stepMs: HOUR,
      shareIdle: 'none',
    });
    const answer = answerCostQuestion(result, q.namespace || q.workload || !namespace ? q : { ...q, namespace });
    if ('missing' in answer)
      return {
        ...base,
        currency: result.currency,
        amount: 0,
        lines: [],
        answer: `no cost recorded for ${answer.missing}`,
      };
    return { ...base, ...answer };
  }
  const ns = q.namespace ?? namespace;
  // The open recommendations already computed (the Cost page, `costOptimizer.recommendations`) are answered from;
  // with none, they are computed now with the default window and history.
  const stored = (
    await services.store.costRecommendations.list({ cluster_id: cluster.id, status: 'OPEN' }, { page_size: 100 })
  ).items.filter((r) => !ns || r.resource.namespace === ns);
  const computed = stored.length
    ? { items: stored, insufficient: [] }
    : await recommendations(services, [cluster], { policy: {}, stepMs: HOUR, ...(ns ? { namespace: ns } : {}) });
  if (q.kind === 'savings') return { ...base, ...answerSavings(computed.items, computed.insufficient.length) };
  const [rec] = rightsizingOf(computed.items, q);
  if (!rec) {
    const lacking = computed.insufficient.find((x) => x.workload.split('/').at(-1) === q.workload);
    return {
      ...base,
      currency: 'USD',
      amount: 0,
      lines: [],
      answer: lacking
        ? `${q.workload} cannot be rightsized yet: ${lacking.reason}`
        : `no rightsizing for ${q.workload}: its requests are within 10 % of what it uses, or no such workload`,
    };
  }
  const applier = createCostApplier(await serverOpsDeps(services, cluster.id, { principal }));
  const { operation, auditId } = await applier.plan(rec, { user: principal.user.username });
  return { kind: 'operation', operation, auditId };
}
