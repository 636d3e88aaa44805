import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType } from './tableSpec.js';

/**
 * Migration 0013: `runbook_executions.cluster_id`, the cluster a run acts on. A run started by hand has no incident to
 * name its cluster, so after a restart it could not be resumed on the right one. Additive; same on both dialects.
 */
export function m0013RunbookExecutionCluster(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('runbook_executions').addColumn('cluster_id', columnType(dialect, 'text')).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('runbook_executions').dropColumn('cluster_id').execute();
    },
  };
}
