import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType, createTable } from './tableSpec.js';

/**
 * Migration 0011: the incident commander's additions. `runbook_versions` keeps the YAML of every saved version of a
 * runbook; `runbook_executions` gains the parameters a run started with (`input`) and the version it ran
 * (`runbook_version`). Additive; same on both dialects.
 */
export function m0011Incidents(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'runbook_versions',
        [
          ['id', 'text', true],
          ['runbook_id', 'text', true],
          ['version', 'int', true],
          ['source', 'text', true],
          ['created_by', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'runbook_versions', column: 'runbook_id', references: 'runbooks', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('runbook_versions_runbook_version_unique')
        .on('runbook_versions')
        .columns(['runbook_id', 'version'])
        .unique()
        .execute();
      await db.schema.alterTable('runbook_executions').addColumn('input', columnType(dialect, 'json')).execute();
      await db.schema
        .alterTable('runbook_executions')
        .addColumn('runbook_version', columnType(dialect, 'int'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('runbook_executions').dropColumn('runbook_version').execute();
      await db.schema.alterTable('runbook_executions').dropColumn('input').execute();
      await db.schema.dropTable('runbook_versions').execute();
    },
  };
}
