import type { ColumnDataType, CreateTableBuilder, Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

/** Kind of a column, mapped to a type per dialect. */
export type ColumnKind = 'text' | 'int' | 'real' | 'bool' | 'json';

/** A table's columns: `[name, kind, notNull?]`. */
export interface TableSpec {
  columns: ([string, ColumnKind] | [string, ColumnKind, boolean])[];
}

/** A foreign key: `table.column` references `references(id)`. */
export interface ForeignKeySpec {
  table: string;
  column: string;
  references: string;
  referencedColumn?: string;
  onDelete: 'cascade' | 'set null';
}

/**
 * Portable column types: text everywhere; 64-bit integers; doubles; booleans as 0/1 integers on both
 * dialects (so rows read back the same); JSON as text on SQLite and jsonb on PostgreSQL.
 */
export function columnType(dialect: Dialect, kind: ColumnKind): ColumnDataType | ReturnType<typeof sql.raw> {
  switch (kind) {
    case 'text':
      return 'text';
    case 'int':
      return dialect === 'postgres' ? 'bigint' : 'integer';
    case 'real':
      return dialect === 'postgres' ? 'double precision' : 'real';
    case 'bool':
      return dialect === 'postgres' ? 'smallint' : 'integer';
    case 'json':
      return dialect === 'postgres' ? 'jsonb' : 'text';
  }
}

/** Creates one table from its spec; the primary key is `primaryKey`. */
export async function createTable(
  db: Kysely<unknown>,
  dialect: Dialect,
  name: string,
  spec: TableSpec['columns'],
  primaryKey: string,
  foreignKeys: ForeignKeySpec[],
): Promise<void> {
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(name);
  for (const [column, kind, notNull] of spec) {
    builder = builder.addColumn(column, columnType(dialect, kind), (c) => {
      let col = c;
      if (column === primaryKey) col = col.primaryKey();
      if (notNull) col = col.notNull();
      return col;
    });
  }
  for (const fk of foreignKeys.filter((f) => f.table === name)) {
    builder = builder.addForeignKeyConstraint(
      `${name}_${fk.column}_fk`,
      [fk.column],
      fk.references,
      [fk.referencedColumn ?? 'id'],
      (c) => c.onDelete(fk.onDelete),
    );
  }
  await builder.execute();
}
