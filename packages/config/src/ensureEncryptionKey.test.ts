import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@opspilot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureEncryptionKey } from './ensureEncryptionKey.js';
import { OpspilotConfig } from './opspilotConfig.js';

describe('ensureEncryptionKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opspilot-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const config = (input: object = {}) => OpspilotConfig.parse({ data_dir: 'data', ...input });

  it('creates one key in the data directory, private to its owner, and reuses it', () => {
    const first = ensureEncryptionKey(config(), dir);
    const key = first.secrets.encryption_key;
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(statSync(join(dir, 'data', 'encryption.key')).mode & 0o777).toBe(0o600);
    expect(ensureEncryptionKey(config(), dir).secrets.encryption_key).toBe(key);
  });

  it('leaves a configured key alone and writes no file', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(ensureEncryptionKey(config({ secrets: { encryption_key: key } }), dir).secrets.encryption_key).toBe(key);
    expect(() => readFileSync(join(dir, 'data', 'encryption.key'))).toThrow();
  });

  it('refuses a damaged key file, naming it', () => {
    ensureEncryptionKey(config(), dir);
    const path = join(dir, 'data', 'encryption.key');
    writeFileSync(path, 'not-a-key\n');
    const error = (() => {
      try {
        ensureEncryptionKey(config(), dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(path);
    expect((error as InputError).hint).toMatch(/OPSPILOT_SECRETS_ENCRYPTION_KEY/);
  });
});
