import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType, createTable, type ForeignKeySpec, type TableSpec } from './tableSpec.js';

/** `healing_actions` after 0027: `rule_id` nullable, `trigger` added (RULE when null). */
const COLUMNS: TableSpec['columns'] = [
  ['id', 'text', true],
  ['rule_id', 'text'],
  ['cluster_id', 'text'],
  ['target', 'text', true],
  ['status', 'text', true],
  ['dry_run', 'bool', true],
  ['attempt', 'int', true],
  ['result', 'json', true],
  ['started_at', 'text'],
  ['finished_at', 'text'],
  ['created_at', 'text', true],
  ['trigger', 'text'],
];
const FOREIGN_KEYS: ForeignKeySpec[] = [
  { table: 'healing_actions_next', column: 'rule_id', references: 'healing_rules', onDelete: 'cascade' },
  { table: 'healing_actions_next', column: 'cluster_id', references: 'clusters', onDelete: 'set null' },
];
const INDEXED = ['cluster_id', 'status', 'created_at', 'rule_id'];
const OLD = COLUMNS.slice(0, -1).map(([c]) => c);

/**
 * Migration 0027: a fix applied by a person (ask, the Fix button, `opspilot fix`, a security fix) is a healing action
 * too, so learning counts it: `healing_actions.trigger` (`RULE` or `MANUAL`; null reads as `RULE`) and `rule_id`
 * nullable (a manual fix has no rule). PostgreSQL drops the NOT NULL in place; SQLite, which cannot, rebuilds the
 * table with its rows, keys and indexes.
 */
export function m0027ManualHealingActions(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`alter table healing_actions alter column rule_id drop not null`.execute(db);
        await db.schema.alterTable('healing_actions').addColumn('trigger', columnType(dialect, 'text')).execute();
        return;
      }
      await createTable(db, dialect, 'healing_actions_next', COLUMNS, 'id', FOREIGN_KEYS);
      const list = sql.raw(OLD.join(', '));
      await sql`insert into healing_actions_next (${list}) select ${list} from healing_actions`.execute(db);
      await sql`drop table healing_actions`.execute(db);
      await sql`alter table healing_actions_next rename to healing_actions`.execute(db);
      for (const column of INDEXED) {
        await db.schema.createIndex(`healing_actions_${column}_idx`).on('healing_actions').column(column).execute();
      }
    },
    async down(db: Kysely<unknown>) {
      await sql`delete from healing_actions where rule_id is null`.execute(db);
      await db.schema.alterTable('healing_actions').dropColumn('trigger').execute();
      if (dialect === 'postgres') {
        await sql`alter table healing_actions alter column rule_id set not null`.execute(db);
      }
    },
  };
}
