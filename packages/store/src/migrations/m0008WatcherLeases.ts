import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0008: watcher leases — which server process watches a cluster and until when (`expires_at`, epoch
 * milliseconds of the database's clock, renewed by that process's heartbeat). One row per watched cluster; used when
 * several server processes share PostgreSQL (`jobs.queue` pg-boss or bullmq). Additive; same table on both dialects.
 */
export function m0008WatcherLeases(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'watcher_leases',
        [
          ['cluster_id', 'text', true],
          ['owner', 'text', true],
          ['expires_at', 'int', true],
        ],
        'cluster_id',
        [],
      );
      await db.schema.createIndex('watcher_leases_owner_idx').on('watcher_leases').column('owner').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('watcher_leases').execute();
    },
  };
}
