import { ConflictError, UpstreamError } from '@opspilot/core';
import type { Dialect } from './dialect.js';

/** Masks the password of a database URL (in the user info or a `password=` parameter) for messages and logs. */
export function maskDatabaseUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]+:)[^/?#]*@/i, '$1***@')
    .replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e?.code === 'string' ? e.code : '';
}

/** True when a database error is a unique-key violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True when a database error is a foreign-key violation on either dialect. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Turns a database error into an opspilot error: duplicates and dangling references become ConflictError, anything
 * else UpstreamError naming the database.
 */
export function toStoreError(error: unknown, dialect: Dialect, what: string): Error {
  if (isUniqueViolation(error)) {
    return new ConflictError(`${what} already exists`, {
      cause: error,
      hint: 'use another id or name, or update the existing one',
    });
  }
  if (isForeignKeyViolation(error)) {
    return new ConflictError(`${what} refers to something that does not exist (or is still referenced)`, {
      cause: error,
      hint: 'create the referenced record first, or delete the records that refer to this one',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamError(`${dialect} failed on ${what}: ${message}`, {
    source: dialect,
    cause: error,
    retryable: dialect === 'postgres',
    hint:
      dialect === 'postgres'
        ? 'check that PostgreSQL is reachable and migrated (opspilot db migrate)'
        : 'check the SQLite file and disk space',
  });
}

/** The error for a database that cannot be opened, naming it (password masked) with what to check. */
export function unreachable(dialect: Dialect, target: string, cause: unknown): UpstreamError {
  return new UpstreamError(
    `cannot open the ${dialect} database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}`,
    {
      source: dialect,
      cause,
      retryable: dialect === 'postgres',
      hint:
        dialect === 'postgres'
          ? 'check OPSPILOT_DATABASE_URL (host, port, user, password, database) and that PostgreSQL is running'
          : 'check that the SQLite path names a file in a folder opspilot may write (OPSPILOT_DATABASE_SQLITE_PATH)',
    },
  );
}
