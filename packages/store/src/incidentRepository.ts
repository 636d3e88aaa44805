import {
  ConflictError,
  Incident,
  IncidentAction,
  NewIncident,
  NewIncidentAction,
  type Paginated,
  type PaginationParams,
} from '@opspilot/core';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { lockRow } from './lockRow.js';
import { parseInput } from './parseInput.js';
import { createRepository, type Repository } from './repository.js';

/** An action as a caller records it on an incident: the incident id comes from the call. */
export type NewIncidentActionOf = Omit<NewIncidentAction, 'incident_id'>;

/** Incidents (seed 004 `incidents`) with the actions taken on them (`incident_actions`). */
export interface IncidentRepository extends Repository<Incident, NewIncident> {
  /** The actions of every incident, for reads across incidents; prefer {@link addAction} to write. */
  readonly actions: Repository<IncidentAction, NewIncidentAction>;
  /** Records an action on an incident; NotFoundError when the incident does not exist. */
  addAction(incidentId: string, action: NewIncidentActionOf): Promise<IncidentAction>;
  /** The actions of one incident, newest first. */
  listActions(incidentId: string, page?: Partial<PaginationParams>): Promise<Paginated<IncidentAction>>;
  /**
   * Marks the incident acknowledged by `actor` (DETECTED moves to INVESTIGATING) and records the action, in one
   * transaction. ConflictError when it is already acknowledged or resolved.
   */
  acknowledge(id: string, actor: string): Promise<Incident>;
  /** Resolves the incident (with its root cause, when known) and records the action, in one transaction. */
  resolve(id: string, resolution: { actor: string; root_cause?: string }): Promise<Incident>;
}

/** Builds the incident repository; `inTransaction` runs a function in one database transaction. */
export function createIncidentRepository(
  db: Db,
  dialect: Dialect,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
): IncidentRepository {
  const incidentsOn = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'incidents',
      noun: 'incident',
      schema: Incident,
      newSchema: NewIncident,
      stamps: ['detected_at', 'created_at'],
      orderBy: 'created_at',
    });
  const actionsOn = (handle: Db) =>
    createRepository(handle, dialect, {
      table: 'incident_actions',
      noun: 'incident action',
      schema: IncidentAction,
      newSchema: NewIncidentAction,
      stamps: ['performed_at'],
    });
  const addActionOn = async (handle: Db, incidentId: string, action: NewIncidentActionOf) => {
    await incidentsOn(handle).get(incidentId);
    return actionsOn(handle).create({ ...action, incident_id: incidentId });
  };
  const base = incidentsOn(db);

  return {
    ...base,
    actions: actionsOn(db),
    addAction: (incidentId, action) => inTransaction((tx) => addActionOn(tx, incidentId, action)),
    listActions: (incidentId, page) => actionsOn(db).list({ incident_id: incidentId }, page),
    async acknowledge(id, actor) {
      const by = parseInput(NewIncidentAction.shape.actor, actor, 'actor');
      return inTransaction(async (tx) => {
        const incidents = incidentsOn(tx);
        await lockRow(tx, dialect, 'incidents', 'id', id);
        const incident = await incidents.get(id);
        if (incident.status === 'RESOLVED' || incident.acknowledged_at) {
          throw new ConflictError(
            `incident ${id} is already ${incident.status === 'RESOLVED' ? 'resolved' : 'acknowledged'}`,
            {
              hint: incident.acknowledged_by
                ? `it was acknowledged by ${incident.acknowledged_by}`
                : 'reload the incident',
            },
          );
        }
        const updated = await incidents.update(id, {
          status: incident.status === 'DETECTED' ? 'INVESTIGATING' : incident.status,
          acknowledged_at: new Date().toISOString(),
          acknowledged_by: by,
        });
        await addActionOn(tx, id, { action_type: 'acknowledge', actor: by, status: 'SUCCEEDED' });
        return updated;
      });
    },
    async resolve(id, resolution) {
      const by = parseInput(NewIncidentAction.shape.actor, resolution.actor, 'actor');
      return inTransaction(async (tx) => {
        const incidents = incidentsOn(tx);
        await lockRow(tx, dialect, 'incidents', 'id', id);
        const incident = await incidents.get(id);
        if (incident.status === 'RESOLVED') {
          throw new ConflictError(`incident ${id} is already resolved`, {
            hint: `it was resolved at ${incident.resolved_at}; open a new incident if the problem is back`,
          });
        }
        const updated = await incidents.update(id, {
          status: 'RESOLVED',
          resolved_at: new Date().toISOString(),
          root_cause: resolution.root_cause ?? incident.root_cause,
        });
        await addActionOn(tx, id, {
          action_type: 'resolve',
          actor: by,
          status: 'SUCCEEDED',
          description: resolution.root_cause ? `root cause: ${resolution.root_cause}` : '',
        });
        return updated;
      });
    },
  };
}
