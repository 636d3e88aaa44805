import { type Incident, InputError, NotFoundError } from '@opspilot/core';
import { z } from 'zod';
import { canSeeCluster, type Principal } from '../../auth/principal.js';
import { incidentsOf } from '../../incidents/incidentServices.js';
import type { ApiServices } from '../apiServices.js';

/** A note on a lifecycle move or a rejection. */
export const Note = z.string().max(10_000).optional();

/** The incident, if the caller may see its cluster (an incident of no known cluster needs access to all). */
export async function visibleIncident(services: ApiServices, principal: Principal, id: string): Promise<Incident> {
  const incident = await services.store.incidents.find(id);
  const visible =
    incident && (incident.cluster_id ? canSeeCluster(principal, incident.cluster_id) : principal.clusterIds === 'all');
  if (!incident || !visible)
    throw new NotFoundError(`incident ${id} not found`, { hint: 'list the incidents to see their ids' });
  return incident;
}

/** The commander for an incident's cluster (analysis and runbooks need the cluster). */
export async function commanderOf(services: ApiServices, incident: Incident) {
  if (!incident.cluster_id) {
    throw new InputError(`incident ${incident.id} belongs to no registered cluster`, {
      hint: 'register the cluster its alerts come from (their cluster label must name it)',
    });
  }
  return incidentsOf(services).commanderFor(incident.cluster_id);
}

/** The name the incident engine records a caller by. */
export const user = (p: Principal) => p.user.username;
