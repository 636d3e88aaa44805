import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0018: diagnosis's addition. `finding_sightings` keeps each cause found by the analyzers — its stable
 * identity (class + root object) per cluster — with when it was first and last seen and in how many runs, so the
 * same problem keeps its first-seen time across runs and server restarts. Unique per cluster and identity.
 * Additive; same on both dialects.
 */
export function m0018FindingSightings(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'finding_sightings',
        [
          ['id', 'text', true],
          ['cluster_id', 'text', true],
          ['identity', 'text', true],
          ['class', 'text', true],
          ['root_kind', 'text', true],
          ['root_namespace', 'text', false],
          ['root_name', 'text', true],
          ['first_seen', 'text', true],
          ['last_seen', 'text', true],
          ['runs', 'int', true],
        ],
        'id',
        [],
      );
      await db.schema
        .createIndex('finding_sightings_identity')
        .on('finding_sightings')
        .columns(['cluster_id', 'identity'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('finding_sightings').execute();
    },
  };
}
