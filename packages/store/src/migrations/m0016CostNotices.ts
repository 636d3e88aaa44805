import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0016: the cost optimizer's additions. `budget_notices` records each budget threshold crossed (actual or
 * forecast), unique per budget, period, kind and threshold so a notice is sent once; `cost_records` gets an index
 * for the allocation history read per type and period. Additive; same on both dialects.
 */
export function m0016CostNotices(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'budget_notices',
        [
          ['id', 'text', true],
          ['budget_id', 'text', true],
          ['kind', 'text', true],
          ['threshold_percent', 'int', true],
          ['amount', 'real', true],
          ['currency', 'text', true],
          ['spend', 'real', true],
          ['percent', 'real', true],
          ['period_start', 'text', true],
          ['period_end', 'text', true],
          ['message', 'text', true],
          ['created_at', 'text', true],
        ],
        'id',
        [{ table: 'budget_notices', column: 'budget_id', references: 'budget_alerts', onDelete: 'cascade' }],
      );
      await db.schema
        .createIndex('budget_notices_once')
        .on('budget_notices')
        .columns(['budget_id', 'period_start', 'kind', 'threshold_percent'])
        .unique()
        .execute();
      await db.schema
        .createIndex('cost_records_type_period')
        .on('cost_records')
        .columns(['resource_type', 'period_start'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('cost_records_type_period').execute();
      await db.schema.dropTable('budget_notices').execute();
    },
  };
}
