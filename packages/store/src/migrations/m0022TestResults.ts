import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0022: test intelligence. `test_reports` keeps each ingested JUnit report (pipeline, run, commit, the
 * files its change touched, totals) and `test_case_results` one row per test case of it, indexed by test and commit
 * so flakiness and the failure predictor read a test's history directly. Additive; both dialects.
 */
export function m0022TestResults(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'test_reports',
        [
          ['id', 'text', true],
          ['pipeline', 'text', true],
          ['run', 'text', true],
          ['run_id', 'text'],
          ['commit_sha', 'text'],
          ['changed_files', 'json', true],
          ['tests', 'int', true],
          ['failures', 'int', true],
          ['errors', 'int', true],
          ['skipped', 'int', true],
          ['duration_ms', 'int', true],
          ['created_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema.createIndex('test_reports_pipeline').on('test_reports').columns(['pipeline', 'run']).execute();
      await createTable(
        db,
        dialect,
        'test_case_results',
        [
          ['id', 'text', true],
          ['report_id', 'text', true],
          ['pipeline', 'text', true],
          ['commit_sha', 'text'],
          ['test_id', 'text', true],
          ['suite', 'text', true],
          ['class_name', 'text', true],
          ['name', 'text', true],
          ['file', 'text'],
          ['outcome', 'text', true],
          ['duration_ms', 'int', true],
          ['message', 'text'],
          ['run_at', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'test_case_results', column: 'report_id', references: 'test_reports', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('test_case_results_test')
        .on('test_case_results')
        .columns(['pipeline', 'test_id', 'run_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('test_case_results').execute();
      await db.schema.dropTable('test_reports').execute();
    },
  };
}
