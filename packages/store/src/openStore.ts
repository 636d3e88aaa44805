import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UpstreamError } from '@opspilot/core';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database, Db } from './database.js';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/migrations.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createSecretBox } from './secretBox.js';
import { maskDatabaseUrl } from './storeErrors.js';

/** Where the store lives. */
export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  /** SQLite file (default `./.opspilot/opspilot.db`); `:memory:` for a throw-away database. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created when missing); default the server's search_path. */
  postgresSchema?: string;
  /** Base64 of 32 bytes; needed to store or read cluster kubeconfigs. */
  encryptionKey?: string;
}

/** The opened database with one repository per aggregate. */
export interface Store extends Repositories {
  readonly dialect: Dialect;
  readonly db: Db;
  /** Applies every pending migration; returns the names applied. */
  migrate(): Promise<{ applied: string[] }>;
  /** Runs `fn` in one transaction with a store bound to it; a throw rolls everything back. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Answers a trivial query (for readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;

function connect(options: StoreOptions): { dialect: Dialect; db: Kysely<Database>; target: string } {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = options.postgresSchema;
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
      // 64-bit integers come back as numbers, not strings (counts and sizes stay well below 2^53).
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? Number : pg.types.getTypeParser(oid, format),
      } as pg.CustomTypesConfig,
    });
    return {
      dialect: 'postgres',
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      target: maskDatabaseUrl(url),
    };
  }
  const file = options.sqlitePath ?? './.opspilot/opspilot.db';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { dialect: 'sqlite', db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), target: file };
}

function bind(db: Db, dialect: Dialect, options: StoreOptions, close: () => Promise<void>): Store {
  const box = options.encryptionKey ? createSecretBox(options.encryptionKey) : undefined;
  const inTransaction = <R>(fn: (tx: Db) => Promise<R>): Promise<R> =>
    db.isTransaction ? fn(db) : db.transaction().execute((tx) => fn(tx));
  const store: Store = {
    ...createRepositories(db, dialect, box, inTransaction),
    dialect,
    db,
    async migrate() {
      const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error) {
        throw new UpstreamError(
          `migrating the ${dialect} database failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            source: dialect,
            cause: error,
            hint: 'check the database is reachable and the user may create tables',
          },
        );
      }
      return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName) };
    },
    transaction: (fn) => inTransaction((tx) => fn(bind(tx, dialect, options, async () => {}))),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close,
  };
  return store;
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` is a postgres:// URL, else SQLite. Fails with an UpstreamError
 * naming the database (password masked) when it cannot be reached.
 * @example
 * const store = await openStore({ databaseUrl: process.env.OPSPILOT_DATABASE_URL });
 * await store.migrate();
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { dialect, db, target } = connect(options);
  try {
    if (dialect === 'postgres' && options.postgresSchema) {
      await sql`create schema if not exists ${sql.id(options.postgresSchema)}`.execute(db);
    }
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy().catch(() => {});
    throw new UpstreamError(
      `cannot open the ${dialect} database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        source: dialect,
        cause,
        retryable: true,
        hint:
          dialect === 'postgres'
            ? 'check OPSPILOT_DATABASE_URL (host, port, user, database) and that PostgreSQL is running'
            : 'check that the directory of the SQLite file is writable',
      },
    );
  }
  return bind(db, dialect, options, () => db.destroy());
}
