import { InputError } from '@opspilot/core';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';
import type { Dialect } from './dialect.js';
import { OwnSchemaPostgresDialect } from './ownSchemaDialect.js';
import { privateSqliteFile } from './privateSqliteFile.js';
import { maskDatabaseUrl, unreachable } from './storeErrors.js';
import type { StoreLogger } from './storeLogger.js';

/** The SQLite file used when neither a PostgreSQL URL nor a path is given. */
export const DEFAULT_SQLITE_PATH = './.opspilot/opspilot.db';

/** What {@link connectDatabase} needs. */
export interface ConnectOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  postgresSchema?: string;
  /** Most PostgreSQL connections the store holds at once (default 10). */
  poolSize?: number;
  logger?: StoreLogger;
}

/** A Kysely instance on one of the two databases, and how to name it in messages (password masked). */
export interface Connection {
  dialect: Dialect;
  db: Kysely<Database>;
  target: string;
}

const INT8 = 20;
const POSTGRES_URL = /^postgres(ql)?:\/\//;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function kyselyLog(logger: StoreLogger | undefined) {
  if (!logger?.debug) return undefined;
  return (event: LogEvent) => {
    if (event.level === 'error') {
      logger.debug?.({ sql: event.query.sql, ms: event.queryDurationMillis, err: event.error }, 'query failed');
    }
  };
}

/**
 * The `pg` driver, imported on first use: a SQLite store (every CLI run on the embedded default) never pays for
 * loading it.
 */
async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<Connection> {
  const schema = options.postgresSchema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new InputError(`'${schema}' is not a usable PostgreSQL schema name`, {
      hint: 'use lowercase letters, digits and underscores, starting with a letter',
    });
  }
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // 64-bit integers come back as numbers, not strings (counts and sizes stay well below 2^53).
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8 ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'an idle PostgreSQL connection failed'));
  // The pool listens to its idle connections only: one lost while checked out (a query in flight when the database
  // went away) would emit an unheard 'error' and end the process. Its query fails and the store reports that instead.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger?.warn({ err: error }, 'a PostgreSQL connection failed'));
  });
  const log = kyselyLog(options.logger);
  return {
    dialect: 'postgres',
    db: new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }), ...(log ? { log } : {}) }),
    target: maskDatabaseUrl(url),
  };
}

function openSqliteFile(file: string, logger: StoreLogger | undefined): SQLite.Database {
  try {
    if (file !== ':memory:') privateSqliteFile(file, logger);
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    return database;
  } catch (cause) {
    throw unreachable('sqlite', file, cause);
  }
}

function connectSqlite(file: string, options: ConnectOptions): Connection {
  const database = openSqliteFile(file, options.logger);
  const log = kyselyLog(options.logger);
  return {
    dialect: 'sqlite',
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }), ...(log ? { log } : {}) }),
    target: file,
  };
}

/**
 * Creates the Kysely instance the options select: PostgreSQL (a pool of 10) for a `postgres://` or `postgresql://`
 * URL, else the SQLite file (its folder created 700 and the file 600, looser ones tightened with a warning; WAL
 * journal, foreign keys on). PostgreSQL connects lazily: the caller checks reachability. Throws InputError for a URL of another database, UpstreamError for a SQLite file that
 * cannot be opened.
 */
export async function connectDatabase(options: ConnectOptions): Promise<Connection> {
  const url = options.databaseUrl?.trim();
  if (url && POSTGRES_URL.test(url)) return connectPostgres(url, options);
  if (url) {
    throw new InputError(`unsupported database URL ${maskDatabaseUrl(url)}`, {
      hint: 'use a postgres:// or postgresql:// URL, or leave OPSPILOT_DATABASE_URL unset for the embedded SQLite file',
    });
  }
  return connectSqlite(options.sqlitePath ?? DEFAULT_SQLITE_PATH, options);
}
