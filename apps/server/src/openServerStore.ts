import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';
import type { ServerStore } from './startServer.js';

/**
 * Opens the store the configuration selects (PostgreSQL when `database.url` is set, else the SQLite file at
 * `database.sqlite_path`, whose directory is created) and migrates it before the server accepts requests.
 *
 * TODO(lead): `@opspilot/store` exported no `openStore` when this was written. Once it does, replace the returned
 * placeholder with:
 * ```ts
 * const store = await openStore({ databaseUrl: config.database.url, sqlitePath });
 * await store.migrate();
 * return { ping: () => <a trivial query on store, e.g. select 1>, close: () => store.close() };
 * ```
 * Until then `/readyz` answers 503 "store: not wired", which is the truth.
 */
export async function openServerStore(config: OpspilotConfig, cwd: string): Promise<ServerStore> {
  const sqlitePath = resolve(cwd, config.database.sqlite_path);
  if (config.database.url === undefined) await mkdir(dirname(sqlitePath), { recursive: true });
  return {
    ping: async () => {
      throw new Error('not wired (@opspilot/store has no openStore yet)');
    },
    close: async () => {},
  };
}
