import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable, type TableSpec } from './tableSpec.js';

const COLUMNS: TableSpec['columns'] = [
  ['id', 'text', true],
  ['ai_command_id', 'text'],
  ['cluster_id', 'text'],
  ['request', 'text', true],
  ['plan', 'json', true],
  ['risk', 'text', true],
  ['risk_reasons', 'json', true],
  ['confirmations', 'json', true],
  ['diff', 'text', true],
  ['state', 'text', true],
  ['proposed_by', 'text', true],
  ['approved_by', 'text'],
  ['problems', 'json', true],
  ['steps', 'json', true],
  ['result', 'text', true],
  ['details', 'json', true],
  ['created_at', 'text', true],
  ['updated_at', 'text', true],
];

/**
 * Migration 0004: operations — plans on their way through review, application and verification (`@opspilot/ops`).
 * Additive; same table on both dialects.
 */
export function m0004Operations(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(db, dialect, 'operations', COLUMNS, 'id', [
        { table: 'operations', column: 'ai_command_id', references: 'ai_commands', onDelete: 'set null' },
        { table: 'operations', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
      ]);
      await db.schema.createIndex('operations_state_idx').on('operations').columns(['state', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('operations').execute();
    },
  };
}
