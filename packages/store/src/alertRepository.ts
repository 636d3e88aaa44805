import { Alert, ConflictError, NewAlert } from '@opspilot/core';
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
  const findByFingerprint = async (fingerprint: string, clusterId?: string) => {
    const page = await base.list({ fingerprint, cluster_id: clusterId }, { page_size: 100 });
    return page.items.find((a) => a.cluster_id === clusterId);
  };
  const updateExisting = async (alert: NewAlert) => {
    const existing = await findByFingerprint(alert.fingerprint, alert.cluster_id);
    if (!existing) return undefined;
    // Replace every field, so one that the new notification lacks (say ends_at after a re-fire) is cleared.
    const cleared = Object.fromEntries(Object.keys(NewAlert.shape).map((key) => [key, undefined]));
    return base.update(existing.id, { ...cleared, ...parseInput(NewAlert, alert, 'alert') });
  };
  return {
    ...base,
    findByFingerprint,
    async upsert(alert) {
      const updated = await updateExisting(alert);
      if (updated) return updated;
      try {
        return await base.create(alert);
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
