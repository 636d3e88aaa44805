/**
 * @opspilot/cost — the cost optimizer: prices (an editable pricing file over built-in defaults), allocation the
 * OpenCost way (max(request, usage) per pod step, GPUs by request, claims by size, idle cost apart or shared),
 * KRR-style rightsizing, idle workloads, unused claims, orphaned LoadBalancers, bin-packing, budgets with actual and
 * forecast alerts, and a Holt-Winters daily cost forecast. A pure engine: it reads usage through the
 * `MetricsSource` port, the cluster through `ClusterGateway`, and applies recommendations through `@opspilot/ops`.
 */
export {
  type AllocationAggregate as AllocationAggregateName,
  AllocationAggregate,
  type AllocationOptions,
  type AllocationResult,
  type AllocationRow,
  allocateCluster,
  allocateFleet,
  IDLE_KEY,
  IdleSharing,
  UNALLOCATED_KEY,
} from './allocation/allocate.js';
export { allocationRecords } from './allocation/allocationRecords.js';
export { type CostApplier, type CostApplierDeps, createCostApplier } from './apply/createCostApplier.js';
export {
  binPackingRecord,
  idleRecord,
  resourcesBlock,
  rightsizeRecord,
  unusedRecord,
} from './apply/recommendationRecords.js';
export { checkTargetUnchanged, liveResources, resourceDrift, rightsizePlan } from './apply/rightsizePlan.js';
export {
  answerCostQuestion,
  answerSavings,
  type CostAnswer,
  type CostAnswerLine,
  rightsizingOf,
} from './ask/answerCostQuestion.js';
export { type CostQuestion, parseCostQuestion } from './ask/costQuestion.js';
export { costRequestReader, describeCostQuestion } from './ask/costRequestReader.js';
export {
  BudgetSchedule,
  nextBudgetCheck,
  parseBudgetSchedule,
} from './budgets/budgetSchedule.js';
export {
  type BudgetNotice,
  budgetPeriodOf,
  DEFAULT_BUDGET_THRESHOLDS,
  evaluateBudget,
  noticeKey,
  scopeAggregate,
} from './budgets/evaluateBudget.js';
export {
  type DailyCost,
  dailyTotals,
  type ForecastOptions,
  type ForecastPoint,
  type ForecastResult,
  forecastDailyCost,
} from './forecast/forecastDailyCost.js';
export type {
  ClusterCostInput,
  CostContainer,
  CostNode,
  CostPod,
  CostPvc,
  CostService,
  CostWindow,
  WorkloadRef,
} from './inventory/costInventory.js';
export { COST_SNAPSHOT_KINDS, inventoryFromSnapshot, workloadOf } from './inventory/inventoryFromSnapshot.js';
export {
  DEFAULT_INSTANCE_TYPES,
  DEFAULT_LOAD_BALANCER_HOUR,
  DEFAULT_SPOT_LABELS,
  DEFAULT_STORAGE_CLASSES,
  DEFAULT_STORAGE_GIB_MONTH,
  HOURS_PER_MONTH,
  type InstanceTypePrice,
  OPENCOST_BASE_PRICES,
} from './pricing/defaultPrices.js';
export { type NodePrices, type PricedNode, PriceModel, splitNodePrice } from './pricing/priceModel.js';
export { PricingFile, parsePricingFile } from './pricing/pricingFile.js';
export { percentile } from './rightsizing/percentile.js';
export {
  type ContainerRecommendation,
  type ContainerResources,
  fmtCpu,
  fmtMemory,
  RightsizingPolicy,
  type RightsizingPolicyInput,
  rightsizeContainer,
} from './rightsizing/rightsize.js';
export { type ClusterContainerRecommendation, rightsizeCluster } from './rightsizing/rightsizeCluster.js';
export { attachUsage, type UsageGap } from './usage/attachUsage.js';
export { USAGE_QUERIES } from './usage/usageQueries.js';
export { type BinPackingResult, binPacking } from './waste/binPacking.js';
export { type IdleOptions, type IdleWorkload, idleWorkloads } from './waste/idleWorkloads.js';
export { orphanedLoadBalancers, type UnusedResource, unusedPvcs } from './waste/unusedResources.js';
