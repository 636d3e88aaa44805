import { InputError } from '@opspilot/core';
import type { SelectQueryBuilder } from 'kysely';
import type { Database } from './database.js';

/** A range on one column; ISO timestamps compare correctly as text. */
export interface RangeFilter {
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
}

/** One filter value: equality with a scalar, or a range. */
export type FilterValue = string | number | boolean | RangeFilter;

/**
 * Filters of a list: column → value (equality) or range, e.g.
 * `{ cluster_id, status: 'FIRING', created_at: { gte: '2026-01-01T00:00:00.000Z' } }`. Undefined values are ignored.
 */
export type Filter = Record<string, FilterValue | undefined>;

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** The columns a filter may name: every scalar column of the entity (JSON columns cannot be compared). */
export interface FilterableColumns {
  columns: ReadonlySet<string>;
  jsonColumns: ReadonlySet<string>;
}

/**
 * Adds a {@link Filter} to a select query. Throws InputError for a column the entity does not have or a JSON column,
 * so a typo in an API query parameter is the caller's error, not a database failure.
 */
export function applyFilter<QB extends SelectQueryBuilder<Database, string, object>>(
  query: QB,
  filter: Filter,
  table: FilterableColumns,
  noun: string,
): QB {
  let q = query;
  for (const [column, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (!table.columns.has(column) || table.jsonColumns.has(column)) {
      const allowed = [...table.columns].filter((c) => !table.jsonColumns.has(c));
      throw new InputError(`cannot filter ${noun} records by '${column}'`, {
        hint: `filter by one of: ${allowed.join(', ')}`,
      });
    }
    if (typeof value === 'object') {
      for (const [op, bound] of Object.entries(value)) {
        const sqlOp = OPERATORS[op as keyof typeof OPERATORS];
        if (!sqlOp)
          throw new InputError(`unknown range operator '${op}' on '${column}'`, { hint: 'use gt, gte, lt or lte' });
        if (bound !== undefined) q = q.where(column, sqlOp, bound) as QB;
      }
    } else {
      q = q.where(column, '=', typeof value === 'boolean' ? Number(value) : value) as QB;
    }
  }
  return q;
}
