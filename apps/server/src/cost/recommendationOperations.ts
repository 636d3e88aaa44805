import { type CostRecommendation, formatRef, type Operation } from '@opspilot/core';
import { createCostApplier } from '@opspilot/cost';
import type { ApiServices } from '../api/apiServices.js';
import { serverOpsDeps } from '../api/serverOperations.js';
import type { Principal } from '../auth/principal.js';
import { publishAudit } from '../events/publishAudit.js';

/** The planner name of the operations a rightsizing recommendation is planned as. */
const RIGHTSIZE_PLANNER = 'cost:rightsize';
/** Audit pages read at most when looking for the entry that links an operation to its recommendation. */
const MAX_PAGES = 20;

/**
 * The recommendation an operation was planned from — by `costOptimizer.applyRecommendation` or by `ask "rightsize X"`
 * alike: the applier's `cost.recommendation.planned` audit entry names both — or undefined for any other operation.
 */
export async function recommendationOfOperation(
  services: ApiServices,
  operation: Operation,
): Promise<CostRecommendation | undefined> {
  if (!operation.cluster_id || operation.plan.planner !== RIGHTSIZE_PLANNER) return undefined;
  const filter = { action: 'cost.recommendation.planned', cluster_id: operation.cluster_id };
  for (let page = 1; page <= MAX_PAGES; page++) {
    const entries = await services.store.audit.list(filter, { page, page_size: 100 });
    const entry = entries.items.find(
      (e) => e.details.operation_id === operation.id && typeof e.details.recommendation_id === 'string',
    );
    if (entry) return services.store.costRecommendations.find(entry.details.recommendation_id as string);
    if (entries.items.length < 100) return undefined;
  }
  return undefined;
}

/**
 * Applies (and verifies) the approved operation of an OPEN recommendation through the cost applier — the target is
 * checked unchanged first, `cost.recommendation.applied` audited — and settles the recommendation: APPLIED when the
 * operation was applied and verified (audited `cost.recommendation.status`), left OPEN when it failed or was rolled
 * back (the applier's entry says so, status ERROR). The same whether the operation is applied from
 * `costOptimizer.applyRecommendation` or from `ops.execute` (ask in the web, the CLI or the API).
 */
export async function applyRecommendationOperation(
  services: ApiServices,
  principal: Principal,
  rec: CostRecommendation,
  operationId: string,
  signal?: AbortSignal,
): Promise<Operation> {
  const clusterId = rec.cluster_id as string;
  const applier = createCostApplier(await serverOpsDeps(services, clusterId, { principal }));
  const user = principal.user.username;
  const operation = await applier.apply(operationId, rec, { user, ...(signal ? { signal } : {}) });
  if (operation.state !== 'APPLIED') return operation;
  await services.store.costRecommendations.update(rec.id, { status: 'APPLIED' });
  await publishAudit(services, {
    action: 'cost.recommendation.status',
    user_id: principal.user.id,
    ai_tool: RIGHTSIZE_PLANNER,
    input_prompt: rec.id,
    output_generated: rec.description,
    target: formatRef({ kind: rec.resource.kind, namespace: rec.resource.namespace, name: rec.resource.name }),
    cluster_id: clusterId,
    details: {
      username: user,
      recommendation_id: rec.id,
      operation_id: operation.id,
      from: rec.status,
      status: 'APPLIED',
      estimated_monthly_savings: rec.estimated_monthly_savings,
    },
  });
  return operation;
}
