import { randomUUID } from 'node:crypto';
import type { Db } from '../database.js';
import type { Dialect } from '../dialect.js';
import { parseInput } from '../parseInput.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { LoginAttempt } from './authRows.js';

/** Which attempts to count: those for one login name, or those from one address. */
export type AttemptKey = { username: string } | { ip: string };

/** Sign-in attempts, for rate limiting per user and per address. */
export interface LoginAttemptRepository {
  /** Records one attempt. */
  record(input: Omit<LoginAttempt, 'id'>): Promise<void>;
  /**
   * The times of the failed attempts for `key` at or after `since` and after the last successful one, oldest first:
   * their number is compared with the limit, the oldest tells when the window frees up.
   */
  failuresSince(key: AttemptKey, since: string): Promise<string[]>;
  /** Forgets attempts older than `before` (housekeeping); returns how many. */
  prune(before: string): Promise<number>;
}

/** Builds the login attempt repository. */
export function createLoginAttemptRepository(db: Db, dialect: Dialect): LoginAttemptRepository {
  const codec = rowCodec(LoginAttempt, dialect);
  const run = async <R>(fn: () => Promise<R>): Promise<R> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, dialect, 'login attempt');
    }
  };
  return {
    async record(input) {
      const attempt = parseInput(LoginAttempt, { ...input, id: randomUUID() }, 'login attempt');
      await run(() => db.insertInto('login_attempts').values(codec.toRow(attempt)).execute());
    },
    async failuresSince(key, since) {
      const [column, value] = 'username' in key ? ['username', key.username] : ['ip', key.ip];
      const lastSuccess = await run(() =>
        db
          .selectFrom('login_attempts')
          .select('attempted_at')
          .where(column, '=', value)
          .where('succeeded', '=', 1)
          .where('attempted_at', '>=', since)
          .orderBy('attempted_at', 'desc')
          .limit(1)
          .executeTakeFirst(),
      );
      const from = lastSuccess ? String(lastSuccess.attempted_at) : since;
      const rows = await run(() =>
        db
          .selectFrom('login_attempts')
          .select('attempted_at')
          .where(column, '=', value)
          .where('succeeded', '=', 0)
          .where('attempted_at', lastSuccess ? '>' : '>=', from)
          .orderBy('attempted_at', 'asc')
          .execute(),
      );
      return rows.map((r) => String(r.attempted_at));
    },
    async prune(before) {
      const result = await run(() =>
        db.deleteFrom('login_attempts').where('attempted_at', '<', before).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
