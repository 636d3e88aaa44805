import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0012: `alert_events`, the firing history of each stored alert — one row per transition (first seen,
 * fired again, resolved), while `alerts` keeps one row per alert in its latest state. Indexed for the timeline of
 * one alert. Additive; the same table on both dialects.
 */
export function m0012AlertHistory(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'alert_events',
        [
          ['id', 'text', true],
          ['alert_id', 'text', true],
          ['fingerprint', 'text', true],
          ['cluster_id', 'text', false],
          ['alertname', 'text', true],
          ['severity', 'text', true],
          ['state', 'text', true],
          ['starts_at', 'text', true],
          ['ends_at', 'text', false],
          ['recorded_at', 'text', true],
        ],
        'id',
        [{ table: 'alert_events', column: 'alert_id', references: 'alerts', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('alert_events_alert_recorded')
        .on('alert_events')
        .columns(['alert_id', 'recorded_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('alert_events').execute();
    },
  };
}
