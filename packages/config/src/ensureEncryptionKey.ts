import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import type { OpspilotConfig } from './opspilotConfig.js';

const BASE64_32 = /^[A-Za-z0-9+/]{43}=?$/;

/**
 * The key that encrypts stored cluster credentials and the Secret values of stored plans: `secrets.encryption_key`
 * when configured, else the one in `<data_dir>/encryption.key`, created (32 random bytes, base64, mode 600) the first
 * time the server or the CLI opens the store, so that a zero-setup `npm start` or `opspilot ask` works. Server and CLI
 * share it through the data directory. Back that file up with the database: without it, what it sealed cannot be read.
 */
export function ensureEncryptionKey(config: OpspilotConfig, cwd: string): OpspilotConfig {
  if (config.secrets.encryption_key) return config;
  const path = join(resolve(cwd, config.data_dir), 'encryption.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const key = readFileSync(path, 'utf8').trim();
  if (!BASE64_32.test(key)) {
    throw new InputError(`${path}: not an encryption key (expected the base64 encoding of 32 bytes)`, {
      hint: `restore the file from your backup, or set secrets.encryption_key (OPSPILOT_SECRETS_ENCRYPTION_KEY)`,
    });
  }
  return { ...config, secrets: { ...config.secrets, encryption_key: key } };
}
