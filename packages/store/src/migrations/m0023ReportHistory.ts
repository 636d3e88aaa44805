import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0023: the reports' history and schedules. `report_files` keeps each generated report's rendered file
 * (text as is, PDF as base64) and the sections that were missing, one per row of `reports`; `report_schedules`
 * holds the cron schedules (with IANA time zone), their webhook and how the last run went. Additive; both dialects.
 */
export function m0023ReportHistory(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'report_files',
        [
          ['report_id', 'text', true],
          ['content_type', 'text', true],
          ['encoding', 'text', true],
          ['content', 'text', true],
          ['missing_sections', 'json', true],
          ['schedule_id', 'text'],
          ['created_at', 'text', true],
        ],
        'report_id',
        [{ table: 'report_files', column: 'report_id', references: 'reports', onDelete: 'cascade' }],
      );
      await createTable(
        db,
        dialect,
        'report_schedules',
        [
          ['id', 'text', true],
          ['name', 'text', true],
          ['report_type', 'text', true],
          ['format', 'text', true],
          ['cron', 'text', true],
          ['timezone', 'text', true],
          ['cluster_scope', 'json', true],
          ['period_days', 'int', true],
          ['webhook_url', 'text'],
          ['webhook_secret', 'text'],
          ['enabled', 'bool', true],
          ['next_run_at', 'text'],
          ['last_run_at', 'text'],
          ['last_status', 'text'],
          ['created_by', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema
        .createIndex('report_schedules_due')
        .on('report_schedules')
        .columns(['enabled', 'next_run_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('report_schedules').execute();
      await db.schema.dropTable('report_files').execute();
    },
  };
}
