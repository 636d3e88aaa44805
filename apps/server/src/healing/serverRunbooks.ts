import { type RunbookPort, runbookPortOf } from '@opspilot/remediate';
import type { ApiServices } from '../api/apiServices.js';
import { incidentsOf } from '../incidents/incidentServices.js';

/**
 * The incident runbooks of the server (library and runner of `@opspilot/incidents`, with the cluster's gateway) as
 * the port healing rules run runbooks through.
 */
export async function serverRunbooks(services: ApiServices, clusterId: string): Promise<RunbookPort> {
  const incidents = incidentsOf(services);
  const { runner } = await incidents.commanderFor(clusterId);
  return runbookPortOf({ library: incidents.library, runner, executions: services.store.runbookExecutions });
}
