import type {
  AuditLog,
  Clock,
  EventBus,
  Incident,
  IncidentAction,
  NewIncidentAction,
  Paginated,
  PaginationParams,
} from '@opspilot/core';

/** An action as recorded on an incident's timeline (the incident id comes from the call). */
export type TimelineEntryInput = Omit<NewIncidentAction, 'incident_id'>;

/**
 * Where incidents and their timelines are kept: the seed-004 `incidents` and `incident_actions` tables
 * (`store.incidents` of `@opspilot/store` fits), or {@link createMemoryIncidentRecords} in tests and benchmarks.
 */
export interface IncidentRecords {
  insert(incident: Incident): Promise<Incident>;
  get(id: string): Promise<Incident>;
  find(id: string): Promise<Incident | undefined>;
  update(id: string, patch: Partial<Incident>): Promise<Incident>;
  list(
    filter?: Record<string, string | number | boolean | { gte?: string; lt?: string } | undefined>,
    page?: Partial<PaginationParams>,
  ): Promise<Paginated<Incident>>;
  addAction(incidentId: string, action: TimelineEntryInput): Promise<IncidentAction>;
  listActions(incidentId: string, page?: Partial<PaginationParams>): Promise<Paginated<IncidentAction>>;
}

/** The kinds of outgoing notification: an incident opened, changed, or resolved. */
export type IncidentNotice = 'opened' | 'updated' | 'resolved';

/** What the incident engine runs on, all through ports (or interfaces the store implements). */
export interface IncidentDeps {
  records: IncidentRecords;
  audit: Pick<AuditLog, 'append' | 'list'>;
  clock: Clock;
  bus?: Pick<EventBus, 'publish'>;
  /** Called after an incident opened, changed or resolved (outgoing webhooks); failures are logged, never thrown. */
  notify?(notice: IncidentNotice, incident: Incident): Promise<void>;
}
