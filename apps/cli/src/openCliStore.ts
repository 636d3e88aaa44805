import { resolve } from 'node:path';
import { ensureEncryptionKey, type OpspilotConfig } from '@opspilot/config';
import { openStore, type Store } from '@opspilot/store';

/**
 * Opens the configured store for one command and closes it afterwards, whatever happens.
 * `migrate` applies pending migrations first (every command but `db migrate` itself wants a current schema). Without a
 * configured `secrets.encryption_key` the store uses `<data_dir>/encryption.key`, the same one `npm start` uses.
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
  });
  try {
    if (migrate) await store.migrate();
    return await fn(store);
  } finally {
    await store.close();
  }
}
