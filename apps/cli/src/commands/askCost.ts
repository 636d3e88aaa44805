import type { OpspilotConfig } from '@opspilot/config';
import type { ClusterGateway, Operation, PlanOutcome } from '@opspilot/core';
import {
  allocateCluster,
  answerCostQuestion,
  answerSavings,
  type CostApplierDeps,
  createCostApplier,
  rightsizingOf,
} from '@opspilot/cost';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { renderColumns } from '../renderOutput.js';
import { cliPrices, cliWindow, localCostInput } from './costLocal.js';
import { localRecommendations } from './costRecommendationsLocal.js';

/** What `opspilot ask` prints for a cost question (`-o json|yaml` prints it as is). */
interface CostAskJson {
  kind: 'cost';
  understood: string;
  currency: string;
  amount: number;
  lines: { name: string; amount: number }[];
  answer: string;
}

/**
 * `opspilot ask` for a cost question, on the cluster the CLI talks to (usage from `prometheus.url`, else
 * metrics.k8s.io now): "how much does namespace todo cost per month" (allocation over the last 24 h, scaled),
 * "what can I save" (the recommendations of `opspilot cost recommendations`), or "rightsize backend" — returned as
 * the workload's rightsizing operation (planned through review like `costOptimizer.applyRecommendation`), for `ask`
 * to approve, apply and verify. Prints the answer and returns undefined otherwise.
 */
export async function answerCostAsk(
  outcome: Extract<PlanOutcome, { kind: 'cost' }>,
  config: OpspilotConfig,
  gateway: ClusterGateway & { config: { cluster: string } },
  applierDeps: CostApplierDeps,
  user: string,
  command: Command,
  ctx: CliContext,
): Promise<{ operation: Operation; auditId: string } | undefined> {
  const q = outcome.question;
  const prices = cliPrices(undefined, ctx.io);
  const namespace = q.kind === 'cost' ? q.namespace : (q.namespace ?? config.kube.namespace);
  const base = { kind: 'cost' as const, understood: outcome.understood };
  let json: CostAskJson;
  if (q.kind === 'cost') {
    const { input } = await localCostInput(config, ctx.io, gateway, cliWindow('24h', '1h'));
    const result = allocateCluster(input, prices, { aggregate: q.workload ? 'workload' : 'namespace' });
    const answer = answerCostQuestion(result, q);
    json =
      'missing' in answer
        ? { ...base, currency: result.currency, amount: 0, lines: [], answer: `no cost recorded for ${answer.missing}` }
        : { ...base, ...answer };
  } else {
    const { input } = await localCostInput(config, ctx.io, gateway, cliWindow('14d', '1h'));
    const { items, insufficient } = localRecommendations(input, prices, {}, namespace);
    if (q.kind === 'rightsize') {
      const [rec] = rightsizingOf(items, q);
      if (rec) return createCostApplier(applierDeps).plan(rec, { user });
      const lacking = insufficient.find((x) => x.workload.split('/').at(-1) === q.workload);
      json = {
        ...base,
        currency: 'USD',
        amount: 0,
        lines: [],
        answer: lacking
          ? `${q.workload} cannot be rightsized yet: ${lacking.reason}`
          : `no rightsizing for ${q.workload}: its requests are within 10 % of what it uses, or no such workload`,
      };
    } else json = { ...base, ...answerSavings(items, insufficient.length) };
  }
  ctx.print(command, json, (j) => {
    const table = j.lines.length
      ? `${renderColumns([['NAME', `${j.currency}`], ...j.lines.map((l) => [l.name, l.amount.toFixed(2)])])}\n`
      : '';
    return `Understood: ${j.understood}\n${j.answer}\n${table}`;
  });
  return undefined;
}
