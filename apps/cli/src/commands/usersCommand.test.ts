import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { hashPassword, openStore, verifyPassword } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-users-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const T0 = '2026-03-01T10:00:00.000Z';
const BEFORE = '2026-03-01T09:45:00.001Z';

/** Runs `fn` on the store the CLI opens for `env` (SQLite in the data directory). */
async function onStore<T>(fn: (store: Parameters<Parameters<typeof withStore>[2]>[0]) => Promise<T>): Promise<T> {
  return withStore(await loadConfig({ env, cwd }), cwd, fn);
}

describe('opspilot users', () => {
  beforeAll(async () => {
    await onStore(async (store) => {
      const admin = await store.users.create({
        username: 'root-admin',
        role: 'ADMIN',
        password_hash: await hashPassword('old-password-1'),
      });
      await store.sessions.create({ token_hash: 'h1', user_id: admin.id, csrf_token: 'c', created_at: T0 });
      for (let i = 0; i < 5; i++) await store.loginAttempts.count({ username: 'root-admin' }, T0, BEFORE);
      for (let i = 0; i < 5; i++) await store.loginAttempts.count({ ip: '203.0.113.5' }, T0, BEFORE);
    });
  });

  it('unlocks a locked-out user, and an address with --address', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['users', 'unlock', 'Root-Admin', '--address', '203.0.113.5', '-o', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({ username: 'root-admin', unlocked: true, address: '203.0.113.5' });
    await onStore(async (store) => {
      expect((await store.loginAttempts.count({ username: 'root-admin' }, T0, BEFORE)).failures).toBe(1);
      expect((await store.loginAttempts.count({ ip: '203.0.113.5' }, T0, BEFORE)).failures).toBe(1);
      expect((await store.audit.list({ action: 'user.unlock' })).total).toBe(1);
    });
    const missing = memoryIo(env, cwd);
    expect(await runCli(['users', 'unlock', 'nobody'], missing)).toBe(2);
    expect(missing.err()).toContain('no user named nobody');
  });

  it('resets a password to a generated one, printed once, ending the sessions', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['users', 'reset-password', 'root-admin', '-o', 'yaml'], io)).toBe(0);
    const result = parse(io.out()) as { username: string; password: string; sessions_ended: number };
    expect(result).toMatchObject({ username: 'root-admin', sessions_ended: 1 });
    expect(result.password.length).toBeGreaterThanOrEqual(20);
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    try {
      const stored = await store.users.findCredentials('root-admin');
      expect(await verifyPassword(result.password, stored?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword('old-password-1', stored?.password_hash ?? '')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('reads the new password from standard input with --password-stdin, refusing a short one', async () => {
    const io = memoryIo(env, cwd);
    io.stdin = (async function* () {
      yield 'chosen-password-42\n';
    })();
    expect(await runCli(['users', 'reset-password', 'root-admin', '--password-stdin'], io)).toBe(0);
    expect(io.out()).toContain('password of root-admin reset');
    expect(io.out()).not.toContain('chosen-password-42');
    await onStore(async (store) => {
      const stored = await store.users.findCredentials('root-admin');
      expect(await verifyPassword('chosen-password-42', stored?.password_hash ?? '')).toBe(true);
    });
    const short = memoryIo(env, cwd);
    short.stdin = (async function* () {
      yield 'short\n';
    })();
    expect(await runCli(['users', 'reset-password', 'root-admin', '--password-stdin'], short)).toBe(2);
    expect(short.err()).toContain('shorter than 12 characters');
  });
});
