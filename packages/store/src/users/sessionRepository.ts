import { randomUUID } from 'node:crypto';
import type { Db } from '../database.js';
import type { Dialect } from '../dialect.js';
import { parseInput } from '../parseInput.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { StoredSession } from './authRows.js';

/** What starting a session records; the caller supplies the time (its clock) and the hashed cookie value. */
export type NewSession = Omit<StoredSession, 'id' | 'last_seen_at'>;

/** Browser sessions. The server decides expiry (idle and absolute timeouts) from `created_at` and `last_seen_at`. */
export interface SessionRepository {
  /** Stores a new session; its `last_seen_at` is its `created_at`. */
  create(input: NewSession): Promise<StoredSession>;
  /** The session whose cookie hashes to `tokenHash`, if any. */
  findByTokenHash(tokenHash: string): Promise<StoredSession | undefined>;
  /** Records activity on the session (pushes its idle expiry). */
  touch(id: string, at: string): Promise<void>;
  /** Ends one session (sign-out, expiry); no-op when it is gone already. */
  delete(id: string): Promise<void>;
  /** Ends every session of a user (disabled, password or role changed). Returns how many ended. */
  deleteForUser(userId: string): Promise<number>;
}

/** Builds the session repository. */
export function createSessionRepository(db: Db, dialect: Dialect): SessionRepository {
  const codec = rowCodec(StoredSession, dialect);
  const run = async <R>(fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, dialect, 'session');
    }
  };
  return {
    async create(input) {
      const session = parseInput(
        StoredSession,
        { ...input, id: randomUUID(), last_seen_at: input.created_at },
        'session',
      );
      await run(() => db.insertInto('sessions').values(codec.toRow(session)).execute());
      return session;
    },
    async findByTokenHash(tokenHash) {
      const row = await run(() =>
        db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
      );
      return row ? StoredSession.parse(codec.fromRow(row)) : undefined;
    },
    async touch(id, at) {
      await run(() => db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute());
    },
    async delete(id) {
      await run(() => db.deleteFrom('sessions').where('id', '=', id).execute());
    },
    async deleteForUser(userId) {
      const result = await run(() => db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst());
      return Number(result.numDeletedRows);
    },
  };
}
