import { allActions, createRemediator, type Remediator } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import { type OperationsCaller, serverOpsDeps } from '../api/serverOperations.js';

/**
 * The remediator of `@opspilot/remediate` for one registered cluster, on the same lifecycle dependencies as the
 * server's operations (its announcing store, audit and lease owner), so a fix is an operation like any other; its
 * candidates are ranked with what the healing history taught, and an applied fix is watched for the configured
 * `healing.settle_seconds` (healthy within `healing.verify_timeout_seconds`).
 */
export async function serverRemediator(
  services: ApiServices,
  clusterId: string,
  caller: OperationsCaller = {},
): Promise<Remediator> {
  const { planner: _planner, ...deps } = await serverOpsDeps(services, clusterId, caller);
  const { settle_seconds, verify_timeout_seconds } = services.config.healing;
  return createRemediator({
    ...deps,
    recovery: { settleMs: settle_seconds * 1000, timeoutMs: verify_timeout_seconds * 1000 },
    history: () => allActions({ rules: services.store.healingRules, actions: services.store.healingActions }, {}),
  });
}
