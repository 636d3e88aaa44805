import type { Cluster, CostRecommendation, NewCostRecommendation } from '@opspilot/core';
import {
  type AllocationAggregateName,
  type AllocationResult,
  allocateFleet,
  allocationRecords,
  binPacking,
  binPackingRecord,
  type ClusterContainerRecommendation,
  dailyTotals,
  forecastDailyCost,
  IDLE_KEY,
  type IdleSharing,
  idleRecord,
  idleWorkloads,
  orphanedLoadBalancers,
  type RightsizingPolicyInput,
  rightsizeCluster,
  rightsizeRecord,
  type UsageGap,
  unusedPvcs,
  unusedRecord,
} from '@opspilot/cost';
import type { ApiServices } from '../api/apiServices.js';
import { collectCostInputs } from './collectCostInputs.js';
import { costPrices } from './costPricing.js';
import { costWindow } from './costWindow.js';

const DAY_MS = 86_400_000;

/** An allocation of the clusters over the last `sinceMs`, optionally stored as cost records (one per group and day). */
export async function allocation(
  services: ApiServices,
  clusters: readonly Cluster[],
  options: {
    aggregate: AllocationAggregateName;
    sinceMs: number;
    stepMs: number;
    shareIdle: IdleSharing;
    store?: boolean;
  },
  signal?: AbortSignal,
): Promise<AllocationResult & { gaps: UsageGap[] }> {
  const window = costWindow(services.clock.now(), options.sinceMs, options.stepMs);
  const { inputs, gaps } = await collectCostInputs(services, clusters, window, signal);
  const result = allocateFleet(inputs, costPrices(), { aggregate: options.aggregate, shareIdle: options.shareIdle });
  if (options.store) {
    for (const record of allocationRecords(result)) await services.store.costRecords.create(record);
  }
  return { ...result, gaps };
}

/** Daily cost history of the clusters (or one namespace) and its forecast for the next `days`. */
export async function forecast(
  services: ApiServices,
  clusters: readonly Cluster[],
  options: { days: number; historyMs: number; namespace?: string },
  signal?: AbortSignal,
) {
  const result = await allocation(
    services,
    clusters,
    {
      aggregate: 'namespace',
      sinceMs: options.historyMs,
      stepMs: options.historyMs > 2 * DAY_MS ? 3_600_000 : 60_000,
      shareIdle: 'none',
    },
    signal,
  );
  const rows = result.rows.filter((r) => (options.namespace ? r.key === options.namespace : true));
  const total = new Array<number>(result.window.steps).fill(0);
  for (const row of rows)
    row.series.forEach((v, i) => {
      total[i]! += v;
    });
  const history = dailyTotals(result.window.start, result.window.stepSeconds, total);
  return {
    currency: result.currency,
    history,
    ...forecastDailyCost(history, { horizonDays: options.days }),
    gaps: result.gaps,
  };
}

/** A container that could not be rightsized, and why. */
export interface InsufficientData {
  cluster_id: string;
  namespace: string;
  workload: string;
  container: string;
  reason: string;
}

/**
 * Computes the recommendations of the clusters — rightsizing per container, idle workloads, unused claims, orphaned
 * LoadBalancers, bin-packing — and stores them, replacing the cluster's previous OPEN ones (applied and dismissed
 * ones are kept). Returns the stored recommendations and the containers with too little history.
 */
export async function recommendations(
  services: ApiServices,
  clusters: readonly Cluster[],
  options: { policy: RightsizingPolicyInput; stepMs: number; namespace?: string },
  signal?: AbortSignal,
): Promise<{ items: CostRecommendation[]; insufficient: InsufficientData[]; gaps: UsageGap[] }> {
  const windowHours = options.policy.window_hours ?? 336;
  const window = costWindow(services.clock.now(), windowHours * 3_600_000, options.stepMs);
  const { inputs, gaps } = await collectCostInputs(services, clusters, window, signal);
  const prices = costPrices();
  const items: CostRecommendation[] = [];
  const insufficient: InsufficientData[] = [];
  for (const input of inputs) {
    const inScope = <T extends { namespace: string }>(x: T) => !options.namespace || x.namespace === options.namespace;
    const rightsized = rightsizeCluster(input, prices, options.policy).filter(inScope);
    for (const r of rightsized.filter((x) => x.status === 'NOT_ENOUGH_DATA')) {
      insufficient.push({
        cluster_id: r.cluster_id,
        namespace: r.namespace,
        workload: `${r.workload.kind}/${r.workload.name}`,
        container: r.container,
        reason: r.reason,
      });
    }
    const records: NewCostRecommendation[] = [
      ...rightsized.filter((x: ClusterContainerRecommendation) => x.status === 'RECOMMENDED').map(rightsizeRecord),
      ...idleWorkloads(input, prices).filter(inScope).map(idleRecord),
      ...unusedPvcs(input, prices).filter(inScope).map(unusedRecord),
      ...orphanedLoadBalancers(input, prices).filter(inScope).map(unusedRecord),
    ];
    const packing = options.namespace ? undefined : binPackingRecord(binPacking(input, prices));
    if (packing) records.push(packing);
    const old = await services.store.costRecommendations.list(
      { cluster_id: input.clusterId, status: 'OPEN' },
      { page: 1, page_size: 100 },
    );
    for (const o of old.items) {
      if (!options.namespace || o.resource.namespace === options.namespace)
        await services.store.costRecommendations.delete(o.id);
    }
    for (const record of records)
      items.push(await services.store.costRecommendations.create({ ...record, cluster_id: input.clusterId }));
  }
  items.sort((a, b) => b.estimated_monthly_savings - a.estimated_monthly_savings);
  return { items, insufficient, gaps };
}

export { IDLE_KEY };
