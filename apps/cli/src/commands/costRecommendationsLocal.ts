import type { CostRecommendation } from '@opspilot/core';
import {
  binPacking,
  binPackingRecord,
  type ClusterCostInput,
  idleRecord,
  idleWorkloads,
  orphanedLoadBalancers,
  type PriceModel,
  type RightsizingPolicyInput,
  rightsizeCluster,
  rightsizeRecord,
  unusedPvcs,
  unusedRecord,
} from '@opspilot/cost';

/** A container the CLI could not rightsize, and why (`not enough data (N hours of M)`). */
export interface LocalInsufficient {
  namespace: string;
  workload: string;
  container: string;
  reason: string;
}

/**
 * The recommendations of the cluster the CLI talks to, as `opspilot cost recommendations` lists them (rightsizing,
 * idle workloads, unused claims, orphaned LoadBalancers, bin-packing when no namespace is chosen), the largest saving
 * first, with local ids (`local-0000`: nothing is stored), and the containers with too little history.
 */
export function localRecommendations(
  input: ClusterCostInput,
  prices: PriceModel,
  policy: RightsizingPolicyInput,
  namespace?: string,
): { items: CostRecommendation[]; insufficient: LocalInsufficient[] } {
  const inNs = (x: { namespace: string }) => !namespace || x.namespace === namespace;
  const rightsized = rightsizeCluster(input, prices, policy).filter(inNs);
  const records = [
    ...rightsized.filter((r) => r.status === 'RECOMMENDED').map(rightsizeRecord),
    ...idleWorkloads(input, prices).filter(inNs).map(idleRecord),
    ...unusedPvcs(input, prices).filter(inNs).map(unusedRecord),
    ...orphanedLoadBalancers(input, prices).filter(inNs).map(unusedRecord),
  ];
  const packing = binPackingRecord(binPacking(input, prices));
  if (packing && !namespace) records.push(packing);
  const items = records
    .map(
      (r, i) =>
        ({
          ...r,
          id: `local-${String(i).padStart(4, '0')}`,
          currency: 'USD',
          status: 'OPEN',
          confidence: r.confidence ?? 0.5,
          proposed_change: r.proposed_change ?? {},
        }) as CostRecommendation,
    )
    .sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings);
  const insufficient = rightsized
    .filter((r) => r.status === 'NOT_ENOUGH_DATA')
    .map((r) => ({
      namespace: r.namespace,
      workload: `${r.workload.kind}/${r.workload.name}`,
      container: r.container,
      reason: r.reason,
    }));
  return { items, insufficient };
}
