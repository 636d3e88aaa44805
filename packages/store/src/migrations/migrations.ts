import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { m0001Initial } from './m0001Initial.js';

/** The one ordered list of migrations, the same for SQLite and PostgreSQL. Append; never edit a released one. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return { '0001_initial': m0001Initial(dialect) };
    },
  };
}
