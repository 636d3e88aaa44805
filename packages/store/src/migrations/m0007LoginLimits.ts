import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable } from './tableSpec.js';

/**
 * Migration 0007: `login_limits`, one counter of failed (and in-flight) sign-ins per login name and per address,
 * raised in one statement before a password is checked so parallel guesses cannot all be checked. Additive.
 */
export function m0007LoginLimits(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await createTable(
        db,
        dialect,
        'login_limits',
        [
          ['id', 'text', true],
          ['failures', 'int', true],
          ['window_started_at', 'text', true],
        ],
        'id',
        [],
      );
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('login_limits').execute();
    },
  };
}
