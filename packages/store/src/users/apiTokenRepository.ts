import { randomUUID } from 'node:crypto';
import { ApiToken, NotFoundError } from '@opspilot/core';
import type { Db } from '../database.js';
import type { Dialect } from '../dialect.js';
import { parseInput } from '../parseInput.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { StoredApiToken } from './authRows.js';

/** What creating a token records: the SHA-256 of its secret, never the secret. */
export type NewApiToken = Omit<StoredApiToken, 'id' | 'last_used_at' | 'revoked_at'>;

/** API tokens (`Authorization: Bearer ops_…`), stored hashed. */
export interface ApiTokenRepository {
  /** Stores a token; returns it as listed (without the hash). */
  create(input: NewApiToken): Promise<ApiToken>;
  /** The token whose secret hashes to `tokenHash`, revoked or not; the caller checks. */
  findByTokenHash(tokenHash: string): Promise<StoredApiToken | undefined>;
  /** The token with this id; NotFoundError when there is none. */
  get(id: string): Promise<ApiToken>;
  /** The tokens of a user, newest first, revoked ones included. */
  listForUser(userId: string): Promise<ApiToken[]>;
  /** Marks the token revoked at `at` (it stops working on the next request); idempotent. */
  revoke(id: string, at: string): Promise<ApiToken>;
  /** Records a use of the token. */
  touch(id: string, at: string): Promise<void>;
}

/** Builds the API token repository. */
export function createApiTokenRepository(db: Db, dialect: Dialect): ApiTokenRepository {
  const codec = rowCodec(StoredApiToken, dialect);
  const parse = (row: Record<string, unknown>) => StoredApiToken.parse(codec.fromRow(row));
  const run = async <R>(fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, dialect, 'API token');
    }
  };
  const find = async (id: string) => {
    const row = await run(() => db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst());
    return row ? parse(row) : undefined;
  };
  const get = async (id: string) => {
    const token = await find(id);
    if (!token) {
      throw new NotFoundError(`API token ${id} not found`, { hint: 'list your tokens to see the ids that exist' });
    }
    return ApiToken.parse(token);
  };
  return {
    async create(input) {
      const token = parseInput(StoredApiToken, { ...input, id: randomUUID() }, 'API token');
      await run(() => db.insertInto('api_tokens').values(codec.toRow(token)).execute());
      return ApiToken.parse(token);
    },
    async findByTokenHash(tokenHash) {
      const row = await run(() =>
        db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
      );
      return row ? parse(row) : undefined;
    },
    get,
    async listForUser(userId) {
      const rows = await run(() =>
        db
          .selectFrom('api_tokens')
          .selectAll()
          .where('user_id', '=', userId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute(),
      );
      return rows.map((row) => ApiToken.parse(parse(row)));
    },
    async revoke(id, at) {
      const current = await get(id);
      if (current.revoked_at) return current;
      await run(() => db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute());
      return { ...current, revoked_at: at };
    },
    async touch(id, at) {
      await run(() => db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute());
    },
  };
}
