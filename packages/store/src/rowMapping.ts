import type { z } from 'zod';
import type { Row } from './database.js';
import type { Dialect } from './dialect.js';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType> };

function baseType(schema: z.ZodType): string {
  let cur = schema as unknown as { _zod: { def: Def } };
  for (;;) {
    const def = cur._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') cur = def.innerType as never;
    else if (def.type === 'pipe') cur = def.in as never;
    else return def.type;
  }
}

/** How each field of an entity is stored: JSON and boolean columns need converting, the rest pass through. */
export interface RowCodec<T> {
  /** Every top-level field of the entity, which is also a column of its table. */
  readonly columns: ReadonlySet<string>;
  /** The fields stored as JSON (objects, arrays, records). */
  readonly jsonColumns: ReadonlySet<string>;
  /** The fields stored as 0/1 integers. */
  readonly booleanColumns: ReadonlySet<string>;
  toRow(entity: T): Row;
  fromRow(row: Row): unknown;
}

/**
 * Builds the row codec of an entity schema (a zod object, possibly refined): objects, arrays and records become JSON
 * columns (text on SQLite, jsonb on PostgreSQL), booleans 0/1 integers, undefined becomes NULL and NULL becomes
 * absent. The codec only converts; the caller parses the result with the entity's schema.
 */
export function rowCodec<T>(schema: z.ZodType<T>, dialect: Dialect): RowCodec<T> {
  const shape = (schema as unknown as { _zod: { def: Def } })._zod.def.shape;
  if (!shape) throw new Error('rowCodec needs a zod object schema');
  const json = new Set<string>();
  const bools = new Set<string>();
  for (const [field, fieldSchema] of Object.entries(shape)) {
    const type = baseType(fieldSchema);
    if (type === 'boolean') bools.add(field);
    else if (['object', 'array', 'record', 'tuple', 'unknown'].includes(type)) json.add(field);
  }
  return {
    columns: new Set(Object.keys(shape)),
    jsonColumns: json,
    booleanColumns: bools,
    toRow(entity) {
      const row: Row = {};
      for (const [key, value] of Object.entries(entity as Row)) {
        if (value === undefined) row[key] = null;
        else if (json.has(key)) row[key] = JSON.stringify(value);
        else if (bools.has(key)) row[key] = value ? 1 : 0;
        else row[key] = value;
      }
      return row;
    },
    fromRow(row) {
      const entity: Row = {};
      for (const [key, value] of Object.entries(row)) {
        if (value === null || value === undefined) continue;
        if (json.has(key)) entity[key] = dialect === 'sqlite' ? JSON.parse(String(value)) : value;
        else if (bools.has(key)) entity[key] = Number(value) === 1;
        else entity[key] = value;
      }
      return entity;
    },
  };
}
