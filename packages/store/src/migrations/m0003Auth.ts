import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import { createTable, type ForeignKeySpec, type TableSpec } from './tableSpec.js';

/** The tables of sign-in and authorisation; opspilot's own, since the seeds model no users. */
const TABLES: Record<string, TableSpec['columns']> = {
  users: [
    ['id', 'text', true],
    ['username', 'text', true],
    ['display_name', 'text'],
    ['role', 'text', true],
    ['password_hash', 'text', true],
    ['disabled', 'bool', true],
    ['created_at', 'text', true],
    ['updated_at', 'text'],
    ['last_login_at', 'text'],
  ],
  user_cluster_grants: [
    ['id', 'text', true],
    ['user_id', 'text', true],
    ['cluster_id', 'text', true],
    ['created_at', 'text', true],
  ],
  sessions: [
    ['id', 'text', true],
    ['token_hash', 'text', true],
    ['user_id', 'text', true],
    ['csrf_token', 'text', true],
    ['created_at', 'text', true],
    ['last_seen_at', 'text', true],
    ['ip', 'text'],
    ['user_agent', 'text'],
  ],
  api_tokens: [
    ['id', 'text', true],
    ['user_id', 'text', true],
    ['name', 'text', true],
    ['prefix', 'text', true],
    ['token_hash', 'text', true],
    ['created_at', 'text', true],
    ['last_used_at', 'text'],
    ['expires_at', 'text'],
    ['revoked_at', 'text'],
  ],
  login_attempts: [
    ['id', 'text', true],
    ['username', 'text', true],
    ['ip', 'text', true],
    ['succeeded', 'bool', true],
    ['attempted_at', 'text', true],
  ],
};

const FOREIGN_KEYS: ForeignKeySpec[] = [
  { table: 'user_cluster_grants', column: 'user_id', references: 'users', onDelete: 'cascade' },
  { table: 'user_cluster_grants', column: 'cluster_id', references: 'clusters', onDelete: 'cascade' },
  { table: 'sessions', column: 'user_id', references: 'users', onDelete: 'cascade' },
  { table: 'api_tokens', column: 'user_id', references: 'users', onDelete: 'cascade' },
];

const INDEXES: [name: string, table: string, columns: string[], unique: boolean][] = [
  ['users_username_unique', 'users', ['username'], true],
  ['user_cluster_grants_unique', 'user_cluster_grants', ['user_id', 'cluster_id'], true],
  ['user_cluster_grants_cluster_id_idx', 'user_cluster_grants', ['cluster_id'], false],
  ['sessions_token_hash_unique', 'sessions', ['token_hash'], true],
  ['sessions_user_id_idx', 'sessions', ['user_id'], false],
  ['api_tokens_token_hash_unique', 'api_tokens', ['token_hash'], true],
  ['api_tokens_user_id_idx', 'api_tokens', ['user_id'], false],
  ['login_attempts_username_idx', 'login_attempts', ['username', 'attempted_at'], false],
  ['login_attempts_ip_idx', 'login_attempts', ['ip', 'attempted_at'], false],
];

/**
 * Migration 0003: users (with a role and a scrypt password hash), their cluster grants, sessions (only the SHA-256
 * of the cookie is stored), API tokens (likewise hashed) and login attempts for rate limiting. Additive; same
 * tables on both dialects.
 */
export function m0003Auth(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, columns] of Object.entries(TABLES)) {
        await createTable(db, dialect, name, columns, 'id', FOREIGN_KEYS);
      }
      for (const [name, table, columns, unique] of INDEXES) {
        let builder = db.schema.createIndex(name).on(table).columns(columns);
        if (unique) builder = builder.unique();
        await builder.execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const name of ['login_attempts', 'api_tokens', 'sessions', 'user_cluster_grants', 'users']) {
        await db.schema.dropTable(name).execute();
      }
    },
  };
}
