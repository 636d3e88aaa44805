import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { type ColumnKind, columnType } from './tableSpec.js';

/** The columns 0028 adds to `incidents`, all nullable (an incident opened before keeps no cause). */
const COLUMNS: [string, ColumnKind][] = [
  ['cause_identity', 'text'],
  ['first_seen', 'text'],
  ['last_seen', 'text'],
  ['sightings', 'int'],
  ['occurrences', 'int'],
  ['recurring', 'bool'],
];

/**
 * Migration 0028: an incident opened by an analyzer finding keeps its cause's stable identity (class + root object,
 * as `finding_sightings` holds it), when the cause was first and last seen, in how many analysis runs, and how many
 * incidents it has had — so a cause seen before, resolved and seen again is a recurring incident, found by its
 * identity (indexed with the cluster). Additive; same on both dialects.
 */
export function m0028IncidentCauses(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [column, kind] of COLUMNS) {
        await db.schema.alterTable('incidents').addColumn(column, columnType(dialect, kind)).execute();
      }
      await db.schema
        .createIndex('incidents_cause_identity_idx')
        .on('incidents')
        .columns(['cause_identity', 'cluster_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('incidents_cause_identity_idx').execute();
      for (const [column] of [...COLUMNS].reverse()) {
        await db.schema.alterTable('incidents').dropColumn(column).execute();
      }
    },
  };
}
