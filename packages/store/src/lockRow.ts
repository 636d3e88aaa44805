import { sql } from 'kysely';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';

/**
 * Locks one row until the end of the current transaction, so a read-modify-write (a state transition, a counter)
 * cannot interleave with another one on the same row. PostgreSQL: `SELECT … FOR UPDATE`. SQLite needs nothing: the
 * store has one connection and a transaction holds it until it ends, so transactions never interleave.
 * Call it inside a transaction only.
 */
export async function lockRow(tx: Db, dialect: Dialect, table: string, idColumn: string, id: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select 1 from ${sql.table(table)} where ${sql.ref(idColumn)} = ${id} for update`.execute(tx);
}
