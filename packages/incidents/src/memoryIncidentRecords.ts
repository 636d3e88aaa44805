import { type Incident, type IncidentAction, NotFoundError, type Paginated, toPage } from '@opspilot/core';
import type { IncidentRecords } from './incidentDeps.js';

function pageOf<T>(items: T[], page = 1, pageSize = 20): Paginated<T> {
  return toPage(items.slice((page - 1) * pageSize, page * pageSize), items.length, { page, page_size: pageSize });
}

/**
 * Incidents and timelines kept in memory: for tests, benchmarks and a one-off CLI run without a database. Filters
 * match fields exactly; lists are newest first, like the store's.
 */
export function createMemoryIncidentRecords(now: () => Date = () => new Date()): IncidentRecords {
  const incidents = new Map<string, Incident>();
  const actions = new Map<string, IncidentAction[]>();
  const get = async (id: string) => {
    const found = incidents.get(id);
    if (!found) throw new NotFoundError(`incident ${id} not found`, { hint: 'list the incidents to see their ids' });
    return found;
  };
  return {
    async insert(incident) {
      incidents.set(incident.id, incident);
      actions.set(incident.id, []);
      return incident;
    },
    get,
    find: async (id) => incidents.get(id),
    async update(id, patch) {
      const next = { ...(await get(id)), ...patch, id };
      incidents.set(id, next);
      return next;
    },
    async list(filter = {}, page = {}) {
      const items = [...incidents.values()]
        .filter((i) =>
          Object.entries(filter).every(
            ([k, v]) => v === undefined || typeof v === 'object' || (i as Record<string, unknown>)[k] === v,
          ),
        )
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      return pageOf(items, page.page, page.page_size);
    },
    async addAction(incidentId, action) {
      await get(incidentId);
      const entry: IncidentAction = {
        id: crypto.randomUUID(),
        incident_id: incidentId,
        action_type: action.action_type,
        description: action.description ?? '',
        actor: action.actor,
        status: action.status ?? 'PENDING',
        result: action.result ?? {},
        performed_at: action.performed_at ?? now().toISOString(),
      };
      actions.get(incidentId)?.push(entry);
      return entry;
    },
    async listActions(incidentId, page = {}) {
      await get(incidentId);
      const items = [...(actions.get(incidentId) ?? [])].reverse();
      return pageOf(items, page.page, page.page_size);
    },
  };
}
