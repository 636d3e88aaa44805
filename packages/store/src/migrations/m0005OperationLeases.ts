import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0005: operation leases — which process applies an APPLYING operation and until when (`@opspilot/ops`
 * renews it while applying; an expired one is reconciled on the next start). One row per operation being applied,
 * removed with it. Additive; same table on both dialects.
 */
export function m0005OperationLeases(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'operation_leases',
        [
          ['operation_id', 'text', true],
          ['owner', 'text', true],
          ['expires_at', 'text', true],
        ],
        'operation_id',
        [{ table: 'operation_leases', column: 'operation_id', references: 'operations', onDelete: 'cascade' }],
      );
      await db.schema.createIndex('operation_leases_expires_idx').on('operation_leases').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('operation_leases').execute();
    },
  };
}
