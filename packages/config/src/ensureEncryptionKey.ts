import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { OpspilotConfig } from '@opspilot/config';

/**
 * The key that encrypts stored cluster credentials: `secrets.encryption_key` when configured, else the one in
 * `<data_dir>/encryption.key`, created (32 random bytes, base64, mode 600) on the first start so that a zero-setup
 * `npm start` can store the simulated cluster's kubeconfig. Back that file up with the database.
 */
export function ensureEncryptionKey(config: OpspilotConfig, cwd: string): OpspilotConfig {
  if (config.secrets.encryption_key) return config;
  const path = join(resolve(cwd, config.data_dir), 'encryption.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const key = readFileSync(path, 'utf8').trim();
  return { ...config, secrets: { ...config.secrets, encryption_key: key } };
}
