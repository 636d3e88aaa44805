import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0019: scheduled security scans. `security_scan_schedules` holds one cron schedule (with its IANA time
 * zone) per cluster and optional namespace, when it runs next and how its last run went; the scans themselves stay
 * in `security_scans`. Additive; same on both dialects.
 */
export function m0019SecurityScanSchedules(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'security_scan_schedules',
        [
          ['id', 'text', true],
          ['cluster_id', 'text', true],
          ['namespace', 'text'],
          ['cron', 'text', true],
          ['timezone', 'text', true],
          ['enabled', 'bool', true],
          ['next_run_at', 'text', true],
          ['last_run_at', 'text'],
          ['last_scan_id', 'text'],
          ['last_status', 'text'],
          ['created_by', 'text', true],
          ['created_at', 'text', true],
          ['updated_at', 'text', true],
        ],
        'id',
        [{ table: 'security_scan_schedules', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('security_scan_schedules_due')
        .on('security_scan_schedules')
        .columns(['enabled', 'next_run_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('security_scan_schedules').execute();
    },
  };
}
