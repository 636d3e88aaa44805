import type { ToolBackend } from '@opspilot/chat';
import type { OpspilotConfig } from '@opspilot/config';
import { allocateCluster, answerSavings, HOURS_PER_MONTH } from '@opspilot/cost';
import type { KubeClusterGateway } from '@opspilot/kube';
import { cliPrices, cliWindow, localCostInput } from '../commands/costLocal.js';
import { localRecommendations } from '../commands/costRecommendationsLocal.js';

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The cost members of the CLI's tool backend (`cost_allocation`, `cost_recommendations`): computed on the CLI's
 * cluster as `opspilot cost allocation|recommendations` does (usage from `prometheus.url`, else metrics.k8s.io now).
 */
export function cliCostTools(
  config: OpspilotConfig,
  gateway: KubeClusterGateway,
  io: { cwd: string; env: Record<string, string | undefined> },
): Pick<ToolBackend, 'costAllocation' | 'costRecommendations'> {
  return {
    async costAllocation(_clusterId, query) {
      const { input, source } = await localCostInput(config, io, gateway, cliWindow(`${query.sinceHours}h`, '1h'));
      const result = allocateCluster(input, cliPrices(undefined, io), { aggregate: query.by as never });
      const rows = result.rows
        .filter((r) => !query.namespace || r.key === query.namespace || r.key.startsWith(`${query.namespace}/`))
        .sort((a, b) => b.total_cost - a.total_cost)
        .slice(0, 50);
      return {
        currency: result.currency,
        usage: source,
        rows: rows.map((r) => ({
          key: r.key,
          total_cost: round(r.total_cost),
          monthly_rate: round((r.total_cost / query.sinceHours) * HOURS_PER_MONTH),
        })),
      };
    },
    async costRecommendations(_clusterId, query) {
      const { input } = await localCostInput(config, io, gateway, cliWindow('14d', '1h'));
      const { items, insufficient } = localRecommendations(input, cliPrices(undefined, io), {}, query.namespace);
      const summary = answerSavings(items, insufficient.length);
      return {
        monthly_savings: round(summary.amount),
        currency: summary.currency,
        summary: summary.answer,
        items: items.slice(0, query.limit).map((r) => ({
          type: r.type,
          resource: r.resource,
          description: r.description,
          estimated_monthly_savings: r.estimated_monthly_savings,
          proposed_change: r.proposed_change,
        })),
      };
    },
  };
}
