import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType } from './tableSpec.js';

const REVISED = ['docker_images', 'helm_charts', 'kubernetes_resources', 'generated_configs'];
/** The natural keys of migration 0002 that a new revision may repeat: they become unique per revision. */
const KEYS: [table: string, columns: string[]][] = [
  ['docker_images', ['name', 'tag']],
  ['helm_charts', ['name', 'version']],
];
const indexName = (table: string, columns: string[]) => `${table}_${columns.join('_')}_unique`;

/**
 * Migration 0006: revisions of generated records. Generating the same image, chart, resources or files again stores a
 * new revision beside the earlier ones (`revision` 1, 2, …; existing rows are revision 1), so an image's name and
 * tag and a chart's name and version are unique per revision instead of outright. Same on both dialects.
 */
export function m0006Revisions(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of REVISED) {
        await db.schema
          .alterTable(table)
          .addColumn('revision', columnType(dialect, 'int'), (c) => c.notNull().defaultTo(1))
          .execute();
      }
      for (const [table, columns] of KEYS) {
        await db.schema.dropIndex(indexName(table, columns)).execute();
        const revised = [...columns, 'revision'];
        await db.schema.createIndex(indexName(table, revised)).on(table).columns(revised).unique().execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const [table, columns] of KEYS) {
        await db.schema.dropIndex(indexName(table, [...columns, 'revision'])).execute();
        await db.schema.createIndex(indexName(table, columns)).on(table).columns(columns).unique().execute();
      }
      for (const table of REVISED) await db.schema.alterTable(table).dropColumn('revision').execute();
    },
  };
}
