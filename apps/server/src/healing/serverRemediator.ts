import { allActions, createRemediator, type Remediator } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import { type OperationsCaller, serverOpsDeps } from '../api/serverOperations.js';

/**
 * The remediator of `@opspilot/remediate` for one registered cluster, on the same lifecycle dependencies as the
 * server's operations (its announcing store, audit and lease owner), so a fix is an operation like any other; its
 * candidates are ranked with what the healing history taught.
 */
export async function serverRemediator(
  services: ApiServices,
  clusterId: string,
  caller: OperationsCaller = {},
): Promise<Remediator> {
  const { planner: _planner, ...deps } = await serverOpsDeps(services, clusterId, caller);
  return createRemediator({
    ...deps,
    history: () => allActions({ rules: services.store.healingRules, actions: services.store.healingActions }, {}),
  });
}
