import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { Dialect } from '../dialect.js';
import { parseInput } from '../parseInput.js';
import { rowCodec } from '../rowMapping.js';
import { toStoreError } from '../storeErrors.js';
import { LoginAttempt, LoginLimit } from './authRows.js';

/** Which attempts to count: those for one login name, or those from one address. */
export type AttemptKey = { username: string } | { ip: string };

/** The `login_limits` id of a key: `user:<login name>` or `ip:<address>`. */
function limitId(key: AttemptKey): string {
  return 'username' in key ? `user:${key.username}` : `ip:${key.ip}`;
}

/** Sign-in attempts, for rate limiting per user and per address. */
export interface LoginAttemptRepository {
  /**
   * Counts one attempt for `key` in a single statement (atomic on SQLite and PostgreSQL, so parallel attempts get
   * distinct counts) and returns the count including it. A counter whose window started before `windowStartsAfter`
   * starts again at 1 with its window at `now`. Call it before checking the password; take back attempts that turn
   * out not to be failures with {@link LoginAttemptRepository.uncount}.
   */
  count(key: AttemptKey, now: string, windowStartsAfter: string): Promise<LoginLimit>;
  /** Takes back one counted attempt for `key` (it succeeded, or was refused without a check). */
  uncount(key: AttemptKey): Promise<void>;
  /** Forgets the counter of `key`: a user's after a successful sign-in, or an administrator's unlock. */
  resetCount(key: AttemptKey): Promise<void>;
  /** Records one attempt. */
  record(input: Omit<LoginAttempt, 'id'>): Promise<void>;
  /**
   * The times of the failed attempts for `key` at or after `since` and after the last successful one, oldest first:
   * their number is compared with the limit, the oldest tells when the window frees up.
   */
  failuresSince(key: AttemptKey, since: string): Promise<string[]>;
  /** Forgets attempts and counters older than `before` (housekeeping); returns how many attempts. */
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
    async count(key, now, windowStartsAfter) {
      const id = limitId(key);
      const stale = sql<boolean>`login_limits.window_started_at < ${windowStartsAfter}`;
      const row = await run(() =>
        db
          .insertInto('login_limits')
          .values({ id, failures: 1, window_started_at: now })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              failures: sql`case when ${stale} then 1 else login_limits.failures + 1 end`,
              window_started_at: sql`case when ${stale} then ${now} else login_limits.window_started_at end`,
            }),
          )
          .returning(['id', 'failures', 'window_started_at'])
          .executeTakeFirstOrThrow(),
      );
      return LoginLimit.parse({ ...row, failures: Number(row.failures) });
    },
    async uncount(key) {
      await run(() =>
        db
          .updateTable('login_limits')
          .set({ failures: sql`login_limits.failures - 1` })
          .where('id', '=', limitId(key))
          .where('failures', '>', 0)
          .execute(),
      );
    },
    async resetCount(key) {
      await run(() => db.deleteFrom('login_limits').where('id', '=', limitId(key)).execute());
    },
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
      await run(() => db.deleteFrom('login_limits').where('window_started_at', '<', before).execute());
      const result = await run(() =>
        db.deleteFrom('login_attempts').where('attempted_at', '<', before).executeTakeFirst(),
      );
      return Number(result.numDeletedRows);
    },
  };
}
