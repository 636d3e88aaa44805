import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../dialect.js';
import { m0001Initial } from './m0001Initial.js';
import { m0002UniqueNames } from './m0002UniqueNames.js';

/** Names of every migration, in the order they apply. */
export const MIGRATION_NAMES = ['0001_initial', '0002_unique_names'] as const;

/**
 * The one ordered list of migrations, the same for SQLite and PostgreSQL (the few dialect differences — column
 * types, trigger syntax — are decided inside each migration). Append a new one; never edit a released one.
 */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<(typeof MIGRATION_NAMES)[number], Migration>> {
      return { '0001_initial': m0001Initial(dialect), '0002_unique_names': m0002UniqueNames };
    },
  };
}
