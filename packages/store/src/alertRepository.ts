import { Alert, ConflictError, NewAlert } from '@opspilot/core';
import { ALERT_EVENT_SPEC, type StoredAlertEvent } from './alertEvent.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { parseInput } from './parseInput.js';
import { createRepository, type Repository } from './repository.js';

/** Alerts (seed 003 §3.9), which connectors record again and again under the same fingerprint. */
export interface AlertRepository extends Repository<Alert, NewAlert> {
  /**
   * Records an alert keyed by its Alertmanager fingerprint (and cluster): the first notification creates it, later
   * ones update it in place and keep its id. Safe under concurrent notifications for the same alert.
   */
  upsert(alert: NewAlert): Promise<Alert>;
  /** The alert with this fingerprint on this cluster (or on no cluster), if any. */
  findByFingerprint(fingerprint: string, clusterId?: string): Promise<Alert | undefined>;
  /**
   * The firing history of an alert, oldest first: a row when {@link upsert} first saw it, when its state changed and
   * when it fired again with a new start; repeated notifications of the same state add nothing. At most `limit`
   * (default 1,000) of the most recent transitions.
   */
  history(alertId: string, limit?: number): Promise<StoredAlertEvent[]>;
  /**
   * The alerts `ref` names, newest first, at most `limit` (default 20): the one with that id; else those with that
   * fingerprint (one per cluster); else those of that alertname. Empty when none.
   */
  matching(ref: string, limit?: number): Promise<Alert[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `next` is a transition of `previous` worth a history row (or `previous` is none: first seen). */
function isTransition(previous: Alert | undefined, next: Alert): boolean {
  return !previous || previous.state !== next.state || previous.starts_at !== next.starts_at;
}

/** Builds the alert repository. */
export function createAlertRepository(db: Db, dialect: Dialect): AlertRepository {
  const base = createRepository(db, dialect, {
    table: 'alerts',
    noun: 'alert',
    schema: Alert,
    newSchema: NewAlert,
    stamps: ['starts_at'],
  });
  const events = createRepository(db, dialect, ALERT_EVENT_SPEC);
  const record = async (previous: Alert | undefined, alert: Alert) => {
    if (!isTransition(previous, alert)) return;
    // Strictly after the alert's last transition, so the history's order never rests on ids within a millisecond.
    const last = (await events.list({ alert_id: alert.id }, { page_size: 1 })).items[0];
    const now = Date.now();
    const at = last ? Math.max(now, Date.parse(last.recorded_at) + 1) : now;
    await events.create({
      recorded_at: new Date(at).toISOString(),
      alert_id: alert.id,
      fingerprint: alert.fingerprint,
      cluster_id: alert.cluster_id,
      alertname: alert.alertname,
      severity: alert.severity,
      state: alert.state,
      starts_at: alert.starts_at,
      ends_at: alert.ends_at,
    });
  };
  const findByFingerprint = async (fingerprint: string, clusterId?: string) => {
    const page = await base.list({ fingerprint, cluster_id: clusterId }, { page_size: 100 });
    return page.items.find((a) => a.cluster_id === clusterId);
  };
  const updateExisting = async (alert: NewAlert) => {
    const existing = await findByFingerprint(alert.fingerprint, alert.cluster_id);
    if (!existing) return undefined;
    // Replace every field, so one that the new notification lacks (say ends_at after a re-fire) is cleared.
    const cleared = Object.fromEntries(Object.keys(NewAlert.shape).map((key) => [key, undefined]));
    const updated = await base.update(existing.id, { ...cleared, ...parseInput(NewAlert, alert, 'alert') });
    await record(existing, updated);
    return updated;
  };
  return {
    ...base,
    findByFingerprint,
    async matching(ref, limit = 20) {
      const byId = UUID.test(ref) ? await base.find(ref) : undefined;
      if (byId) return [byId];
      const pageSize = Math.min(Math.max(limit, 1), 100);
      const byFingerprint = await base.list({ fingerprint: ref }, { page_size: pageSize });
      if (byFingerprint.items.length > 0) return byFingerprint.items;
      return (await base.list({ alertname: ref }, { page_size: pageSize })).items;
    },
    async history(alertId, limit = 1000) {
      const newestFirst: StoredAlertEvent[] = [];
      for (let page = 1; newestFirst.length < limit; page++) {
        const result = await events.list({ alert_id: alertId }, { page, page_size: 100 });
        newestFirst.push(...result.items);
        if (page >= result.total_pages) break;
      }
      return newestFirst.slice(0, limit).reverse();
    },
    async upsert(alert) {
      const updated = await updateExisting(alert);
      if (updated) return updated;
      try {
        const created = await base.create(alert);
        await record(undefined, created);
        return created;
      } catch (error) {
        // Another notification for the same alert created it between our read and our insert.
        if (!(error instanceof ConflictError)) throw error;
        const retried = await updateExisting(alert);
        if (!retried) throw error;
        return retried;
      }
    },
  };
}
