import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType } from './tableSpec.js';

/**
 * Migration 0030: `ci_runs.suite_key`, the GitHub check suite a run is. A `workflow_run` delivery names its check suite
 * (`check_suite_id`) and a `check_suite` delivery is that suite, so both are stored as one run, found by this key; the
 * unique index keeps two deliveries arriving at once from making two rows. Runs stored before keep their rows: a
 * `check_suite` run gets its own key as its suite key. Additive; same on both dialects.
 */
export function m0030CiRunSuites(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('ci_runs').addColumn('suite_key', columnType(dialect, 'text')).execute();
      await sql`update ci_runs set suite_key = run_key where kind = 'CHECK_SUITE'`.execute(db);
      await db.schema.createIndex('ci_runs_suite_key').unique().on('ci_runs').column('suite_key').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('ci_runs_suite_key').execute();
      await db.schema.alterTable('ci_runs').dropColumn('suite_key').execute();
    },
  };
}
