import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, UpstreamError } from '@opspilot/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from './migrations/migrations.js';
import { openStore } from './openStore.js';
import type { StoreLogger } from './storeLogger.js';
import { TEST_DATABASE_URL } from './testing/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-open-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(): StoreLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (_f, m) => lines.push(m), warn: (_f, m) => lines.push(m) };
}

describe('openStore', () => {
  it('opens SQLite in a folder it creates, with WAL and foreign keys on, and migrates once', async () => {
    const file = join(tempDir(), 'nested', 'deeper', 'opspilot.db');
    const logger = recordingLogger();
    const store = await openStore({ sqlitePath: file, logger });
    expect(store.dialect).toBe('sqlite');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(await store.migrate()).toEqual({ applied: [...MIGRATION_NAMES] });
    expect(await store.migrate()).toEqual({ applied: [] });
    expect(logger.lines).toEqual(['store opened', 'database migrated']);
    await store.close();
    await store.close();
  });

  it('creates the SQLite folder 700 and the file (and its journal) 600', async () => {
    const file = join(tempDir(), 'data', 'opspilot.db');
    const store = await openStore({ sqlitePath: file });
    await store.migrate();
    await store.audit.append({ user_id: 'alice', action: 'plan.applied' });
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    for (const path of [file, `${file}-wal`]) expect(statSync(path).mode & 0o777, path).toBe(0o600);
    await store.close();
  });

  it('tightens a SQLite folder and file that other users may read, with a warning', async () => {
    const folder = join(tempDir(), 'data');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    const file = join(folder, 'opspilot.db');
    writeFileSync(file, '', { mode: 0o644 });
    chmodSync(file, 0o644);
    const logger = recordingLogger();
    const store = await openStore({ sqlitePath: file, logger });
    await store.migrate();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logger.lines.filter((l) => l.includes('permissions tightened'))).toHaveLength(2);
    await store.close();
  });

  it('keeps a :memory: database for the life of the store', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    await store.migrate();
    await store.audit.append({ user_id: 'alice', action: 'memory.test' });
    expect((await store.audit.verify()).checked).toBe(1);
    await store.close();
  });

  it('opens PostgreSQL in its own schema', async () => {
    const schema = `opspilot_open_${Date.now().toString(36)}`;
    const store = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: schema });
    try {
      expect(store.dialect).toBe('postgres');
      const current = await sql<{ s: string }>`select current_schema() as s`.execute(store.db);
      expect(current.rows[0]?.s).toBe(schema);
      expect((await store.migrate()).applied).toEqual([...MIGRATION_NAMES]);
    } finally {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
      await store.close();
    }
  });

  it('migrates a fresh PostgreSQL schema while another schema of the database is already migrated', async () => {
    const stamp = `${Date.now().toString(36)}_${process.pid}`;
    const first = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: `opspilot_first_${stamp}` });
    const second = await openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: `opspilot_second_${stamp}` });
    try {
      await first.migrate();
      expect((await second.migrate()).applied).toEqual([...MIGRATION_NAMES]);
      await second.audit.append({ user_id: 'alice', action: 'second.schema' });
      expect((await second.audit.verify()).checked).toBe(1);
    } finally {
      await sql`drop schema ${sql.id(`opspilot_first_${stamp}`)} cascade`.execute(first.db);
      await sql`drop schema ${sql.id(`opspilot_second_${stamp}`)} cascade`.execute(second.db);
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('turns an unreachable PostgreSQL into an UpstreamError naming it with the password masked', async () => {
    const error = await openStore({ databaseUrl: 'postgresql://ops:s3cret@127.0.0.1:1/opspilot' }).catch((e) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      source: 'postgres',
      retryable: true,
      hint: expect.stringContaining('OPSPILOT_DATABASE_URL'),
    });
    expect(error.message).toContain('postgresql://ops:***@127.0.0.1:1/opspilot');
    expect(error.message).not.toContain('s3cret');
  });

  it('turns a SQLite path that cannot be opened into an UpstreamError naming it', async () => {
    const dir = tempDir();
    const error = await openStore({ sqlitePath: dir }).catch((e) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ source: 'sqlite', hint: expect.stringContaining('SQLite path') });
    expect(error.message).toContain(dir);
  });

  it('refuses a URL of another database and an unsafe schema name', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root:pw@db/ops' })).rejects.toBeInstanceOf(InputError);
    await expect(
      openStore({ databaseUrl: TEST_DATABASE_URL, postgresSchema: 'x; drop schema public' }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it('treats an empty URL as unset (SQLite)', async () => {
    const store = await openStore({ databaseUrl: ' ', sqlitePath: join(tempDir(), 'x.db') });
    expect(store.dialect).toBe('sqlite');
    await store.close();
  });
});
