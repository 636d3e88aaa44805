import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { type ColumnKind, columnType } from './tableSpec.js';

/** The columns of `spans`: `[name, kind, notNull]`. */
export const SPAN_COLUMNS: [string, ColumnKind, boolean][] = [
  ['trace_id', 'text', true],
  ['span_id', 'text', true],
  ['parent_span_id', 'text', false],
  ['cluster_id', 'text', false],
  ['cluster_name', 'text', false],
  ['service_name', 'text', true],
  ['operation_name', 'text', true],
  ['kind', 'text', true],
  ['start_us', 'int', true],
  ['end_us', 'int', true],
  ['status', 'text', true],
  ['is_error', 'int', true],
  // Text on both dialects (not jsonb), so tag filters can match the compact JSON with LIKE.
  ['tags', 'text', true],
  ['logs', 'text', true],
];

/**
 * Migration 0009: `spans`, one row per span received over OTLP (seed 003 §3.5/§3.6), keyed by trace and span id so a
 * re-sent export stores nothing twice; indexes for trace lookups, time windows (search and retention) and services.
 * Additive; the same table on both dialects.
 */
export function m0009Traces(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table: CreateTableBuilder<string, string> = db.schema.createTable('spans');
      for (const [name, kind, notNull] of SPAN_COLUMNS) {
        table = table.addColumn(name, columnType(dialect, kind), (c) => (notNull ? c.notNull() : c));
      }
      await table.addPrimaryKeyConstraint('spans_pk', ['trace_id', 'span_id']).execute();
      await db.schema.createIndex('spans_start_idx').on('spans').column('start_us').execute();
      await db.schema.createIndex('spans_service_idx').on('spans').columns(['service_name', 'start_us']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('spans').execute();
    },
  };
}
