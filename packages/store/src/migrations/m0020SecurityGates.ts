import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0020: the security guardian's gate policies. `security_gates` keeps one settings object per kind — the
 * image gate (`IMAGE`: maximum severity, CVE allow-list) and the secret rotation policy (`SECRET_MAX_AGE`: maximum
 * age in days) — for every cluster (`cluster_id` empty) or one. Unique by kind and cluster. Additive; same on both
 * dialects.
 */
export function m0020SecurityGates(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'security_gates',
        [
          ['id', 'text', true],
          ['kind', 'text', true],
          ['scope', 'text', true],
          ['cluster_id', 'text'],
          ['settings', 'json', true],
          ['enabled', 'bool', true],
          ['updated_by', 'text', true],
          ['created_at', 'text', true],
          ['updated_at', 'text', true],
        ],
        'id',
        [],
      );
      await db.schema
        .createIndex('security_gates_kind_scope')
        .on('security_gates')
        .columns(['kind', 'scope'])
        .unique()
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('security_gates').execute();
    },
  };
}
