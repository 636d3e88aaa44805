import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { columnType } from './tableSpec.js';

/**
 * Migration 0025: `personas.tone` and `personas.scope`, so an organisation's own personas keep how they speak and
 * their default cluster scope (`session` or `all-clusters`) instead of always taking chat's defaults. Both nullable
 * (a persona stored before keeps the defaults). Additive; same on both dialects.
 */
export function m0025PersonaToneScope(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('personas').addColumn('tone', columnType(dialect, 'text')).execute();
      await db.schema.alterTable('personas').addColumn('scope', columnType(dialect, 'text')).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('personas').dropColumn('scope').execute();
      await db.schema.alterTable('personas').dropColumn('tone').execute();
    },
  };
}
