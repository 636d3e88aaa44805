import { join, resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import { openStore, type Store, type StoreLogger } from '@opspilot/store';

/**
 * Opens the store the configuration selects (PostgreSQL when `database.url` is set, else the SQLite file at
 * `database.sqlite_path`, whose directory is created), anchors its audit log in `<data_dir>/audit-checkpoint.json`
 * (the file the CLI uses too; `logger` gets an `audit.checkpoint` line every 100 entries) and migrates it before the
 * server accepts requests.
 */
export async function openServerStore(config: OpspilotConfig, cwd: string, logger?: StoreLogger): Promise<Store> {
  const store = await openStore({
    databaseUrl: config.database.url,
    sqlitePath: resolve(cwd, config.database.sqlite_path),
    encryptionKey: config.secrets.encryption_key,
    auditCheckpointFile: join(resolve(cwd, config.data_dir), 'audit-checkpoint.json'),
    ...(logger ? { logger } : {}),
  });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
