import type { Kysely } from 'kysely';

/** A row as stored: column name to value. Entities are parsed from rows with their zod schemas. */
export type Row = Record<string, unknown>;

/** The database as Kysely sees it: tables of loosely typed rows, checked by zod at the repository edge. */
export type Database = Record<string, Row>;

/** A Kysely handle on the opspilot database (or a transaction on it). */
export type Db = Kysely<Database>;
