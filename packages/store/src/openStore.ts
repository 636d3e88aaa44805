import { UpstreamError } from '@opspilot/core';
import { Migrator, sql } from 'kysely';
import { type AuditCheckpoint, createAuditCheckpoint } from './audit/auditCheckpoint.js';
import { connectDatabase } from './connectDatabase.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { migrationProvider } from './migrations/migrations.js';
import { createRepositories, type Repositories } from './repositories.js';
import { createSecretBox } from './secretBox.js';
import { unreachable } from './storeErrors.js';
import type { StoreLogger } from './storeLogger.js';

/** Where the store lives and what it needs. */
export interface StoreOptions {
  /** `postgres://…` or `postgresql://…` selects PostgreSQL (`OPSPILOT_DATABASE_URL`); unset selects SQLite. */
  databaseUrl?: string;
  /** SQLite file (default `./.opspilot/opspilot.db`, folder created); `:memory:` for a throw-away database. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created when missing; set as the connections' search_path); default the server's. */
  postgresSchema?: string;
  /** Most PostgreSQL connections held at once (default 10); ignored for SQLite. */
  poolSize?: number;
  /** Base64 of 32 bytes (AES-256-GCM key); needed to store or read cluster kubeconfigs. */
  encryptionKey?: string;
  /**
   * Where the head of the audit log is anchored (e.g. `<data_dir>/audit-checkpoint.json`), signed with a key derived
   * from `encryptionKey`: updated after every committed append, compared by `audit.verify()`, so a deleted tail or a
   * deleted log is reported. Needs `encryptionKey`; without either the chain alone is verified.
   */
  auditCheckpointFile?: string;
  /** Where the store logs (a pino logger fits). */
  logger?: StoreLogger;
}

/** The opened database with one repository per aggregate. */
export interface Store extends Repositories {
  readonly dialect: Dialect;
  /** The Kysely handle, for queries no repository offers (reports, maintenance). */
  readonly db: Db;
  /** Applies every pending migration; returns the names applied (none when the schema is current). */
  migrate(): Promise<{ applied: string[] }>;
  /** Runs `fn` in one transaction with a store bound to it; a throw rolls everything back. Nests by joining. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Answers a trivial query (for readiness checks). */
  ping(): Promise<void>;
  /** Closes the connection (pool); the store cannot be used afterwards. */
  close(): Promise<void>;
}

/** The schema unqualified names resolve to (the first of the search_path that exists). */
async function currentSchema(db: Db): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/** Work to do once the outermost transaction has committed (anchoring the audit log's head). */
type AfterCommit = (fn: () => void) => void;

const runNow: AfterCommit = (fn) => fn();

function bind(
  db: Db,
  dialect: Dialect,
  options: StoreOptions,
  close: () => Promise<void>,
  checkpoint: AuditCheckpoint | undefined,
  afterCommit: AfterCommit = runNow,
): Store {
  const box = options.encryptionKey ? createSecretBox(options.encryptionKey) : undefined;
  const inTransaction = <R>(fn: (tx: Db) => Promise<R>): Promise<R> =>
    db.isTransaction ? fn(db) : db.transaction().execute((tx) => fn(tx));
  const anchor = { checkpoint, afterCommit, ...(options.logger ? { logger: options.logger } : {}) };
  const transaction = async <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
    if (db.isTransaction) return fn(bind(db, dialect, options, async () => {}, checkpoint, afterCommit));
    const committed: (() => void)[] = [];
    const result = await db.transaction().execute((tx) =>
      fn(
        bind(
          tx,
          dialect,
          options,
          async () => {},
          checkpoint,
          (work) => committed.push(work),
        ),
      ),
    );
    for (const work of committed) work();
    return result;
  };
  const store: Store = {
    ...createRepositories(db, dialect, box, inTransaction, anchor),
    dialect,
    db,
    async migrate() {
      // Kysely looks for its own tables in every schema it can see unless told which one is ours: without this, a
      // fresh schema beside a migrated one is taken as migrated and its migration fails.
      const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
      const migrator = new Migrator({
        db,
        provider: migrationProvider(dialect),
        // Numbers are reserved per change and land in any order: a database at 0015 still takes a later 0013.
        allowUnorderedMigrations: true,
        ...(migrationTableSchema ? { migrationTableSchema } : {}),
      });
      const { error, results = [] } = await migrator.migrateToLatest();
      if (error) {
        const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
        throw new UpstreamError(
          `migrating the ${dialect} database failed at ${failed}: ${error instanceof Error ? error.message : String(error)}`,
          { source: dialect, cause: error, hint: 'check the database is reachable and the user may create tables' },
        );
      }
      const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      if (applied.length > 0) options.logger?.info({ dialect, applied }, 'database migrated');
      if (box) {
        const sealed = await store.reportSchedules.sealClearSecrets();
        if (sealed > 0) options.logger?.info({ sealed }, 'report webhook secrets sealed');
      }
      return { applied };
    },
    transaction,
    async ping() {
      await sql`select 1`.execute(db);
    },
    close,
  };
  return store;
}

/**
 * Opens the store: PostgreSQL when `databaseUrl` is a postgres:// URL, else SQLite. Fails with an UpstreamError
 * naming the database (password masked) and a hint when it cannot be reached; does not migrate.
 * @example
 * const store = await openStore({ databaseUrl: process.env.OPSPILOT_DATABASE_URL, encryptionKey });
 * await store.migrate();
 * const page = await store.incidents.list({ status: 'DETECTED' }, { page: 1, page_size: 20 });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  // An unsupported URL or schema name is the caller's InputError; anything else below is the database's fault.
  const { dialect, db, target } = await connectDatabase(options);
  try {
    if (dialect === 'postgres' && options.postgresSchema) {
      await sql`create schema if not exists ${sql.id(options.postgresSchema)}`.execute(db);
    }
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy().catch(() => {});
    throw unreachable(dialect, target, cause);
  }
  options.logger?.info({ dialect, database: target }, 'store opened');
  let closed = false;
  const checkpoint =
    options.auditCheckpointFile && options.encryptionKey
      ? createAuditCheckpoint({
          file: options.auditCheckpointFile,
          encryptionKey: options.encryptionKey,
          database: `${dialect}:${target}${options.postgresSchema ? `#${options.postgresSchema}` : ''}`,
        })
      : undefined;
  return bind(
    db,
    dialect,
    options,
    async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
    checkpoint,
  );
}
