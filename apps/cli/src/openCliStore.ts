import { join, resolve } from 'node:path';
import { ensureEncryptionKey, type OpspilotConfig } from '@opspilot/config';
import { openStore, type Store } from '@opspilot/store';

/** The signed head of the audit log, beside `encryption.key` in the data directory (shared with the server). */
export const AUDIT_CHECKPOINT_FILE = 'audit-checkpoint.json';

/**
 * Opens the configured store for one command and closes it afterwards, whatever happens.
 * `migrate` applies pending migrations first (every command but `db migrate` itself wants a current schema). Without a
 * configured `secrets.encryption_key` the store uses `<data_dir>/encryption.key`, the same one `npm start` uses, and
 * anchors the audit log in `<data_dir>/audit-checkpoint.json`.
 */
export async function withStore<T>(
  config: OpspilotConfig,
  cwd: string,
  fn: (store: Store) => Promise<T>,
  migrate = true,
): Promise<T> {
  const { secrets } = ensureEncryptionKey(config, cwd);
  const store = await openStore({
    databaseUrl: config.database.url,
    sqlitePath: resolve(cwd, config.database.sqlite_path),
    encryptionKey: secrets.encryption_key,
    auditCheckpointFile: join(resolve(cwd, config.data_dir), AUDIT_CHECKPOINT_FILE),
  });
  try {
    if (migrate) await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}
