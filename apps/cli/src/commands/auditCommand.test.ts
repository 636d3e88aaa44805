import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { MIGRATION_NAMES, openStore } from '@opspilot/store';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { withStore } from '../openCliStore.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-audit-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data') };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('opspilot db and audit', () => {
  it('migrates the configured SQLite database once', async () => {
    const first = memoryIo(env, cwd);
    expect(await runCli(['db', 'migrate', '-o', 'json'], first)).toBe(0);
    expect(JSON.parse(first.out())).toMatchObject({ dialect: 'sqlite', applied: [...MIGRATION_NAMES] });
    const second = memoryIo(env, cwd);
    expect(await runCli(['db', 'migrate'], second)).toBe(0);
    expect(second.out()).toContain('is up to date');
  });

  it('lists entries and verifies an intact chain with exit 0', async () => {
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    for (const action of ['cluster.created', 'plan.approved', 'plan.applied'])
      await store.audit.append({ user_id: 'alice', action });
    await store.close();
    const list = memoryIo(env, cwd);
    expect(await runCli(['audit', 'list', '--action', 'plan.applied', '-o', 'json'], list)).toBe(0);
    expect(JSON.parse(list.out())).toMatchObject({ total: 1, items: [{ sequence: 3, action: 'plan.applied' }] });
    const verify = memoryIo(env, cwd);
    expect(await runCli(['audit', 'verify'], verify)).toBe(0);
    expect(verify.out()).toContain('3 audit entries, chain intact');
    const show = memoryIo(env, cwd);
    expect(await runCli(['audit', 'show', '2', '-o', 'json'], show)).toBe(0);
    const entry = JSON.parse(show.out());
    expect(entry).toMatchObject({ sequence: 2, action: 'plan.approved', user_id: 'alice' });
    const byId = memoryIo(env, cwd);
    expect(await runCli(['audit', 'show', entry.interaction_id], byId)).toBe(0);
    expect(byId.out()).toContain('#2 ');
    const missing = memoryIo(env, cwd);
    expect(await runCli(['audit', 'show', '99'], missing)).toBe(2);
    expect(missing.err()).toContain('no audit entry 99');
  });

  it('refuses a bad page size with exit 2', async () => {
    const io = memoryIo(env, cwd);
    expect(await runCli(['audit', 'list', '--page-size', '500'], io)).toBe(2);
    expect(io.err()).toContain('--page-size');
  });

  it('exits 1 naming the first edited entry when the chain is broken', async () => {
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    await sql`drop trigger audit_log_no_update`.execute(store.db);
    await sql`update audit_log set user_id = 'mallory' where sequence = 2`.execute(store.db);
    await store.close();
    const io = memoryIo(env, cwd);
    expect(await runCli(['audit', 'verify', '-o', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false, firstBad: { sequence: 2, problem: 'EDITED' } });
  });

  it('exits 2 with a hint when PostgreSQL cannot be reached', async () => {
    const io = memoryIo({ OPSPILOT_DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/x' }, cwd);
    expect(await runCli(['audit', 'verify'], io)).toBe(2);
    expect(io.err()).toMatch(/cannot open the postgres database at postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/);
    expect(io.err()).toContain('hint:');
    expect(io.err()).not.toContain('secret');
  });

  it('exits 1 when the tail, or the whole log, was deleted behind the checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-cli-anchor-'));
    try {
      const anchorEnv = { OPSPILOT_DATA_DIR: join(dir, 'data') };
      const config = await loadConfig({ env: anchorEnv, cwd: dir });
      await withStore(config, dir, async (store) => {
        for (let i = 0; i < 4; i++) await store.audit.append({ user_id: 'alice', action: 'plan.applied' });
      });
      const intact = memoryIo(anchorEnv, dir);
      expect(await runCli(['audit', 'verify'], intact)).toBe(0);
      expect(intact.out()).toContain('4 audit entries, chain intact, head at or past checkpoint #4');
      const raw = await openStore({ sqlitePath: join(dir, 'data', 'opspilot.db') });
      await sql`drop trigger audit_log_no_delete`.execute(raw.db);
      await sql`delete from audit_log where sequence > 2`.execute(raw.db);
      const tail = memoryIo(anchorEnv, dir);
      expect(await runCli(['audit', 'verify'], tail)).toBe(1);
      expect(tail.out()).toContain('DELETED at entry #3: tampering: log ends at seq 2 but checkpoint says 4');
      await sql`delete from audit_log`.execute(raw.db);
      await raw.close();
      const all = memoryIo(anchorEnv, dir);
      expect(await runCli(['audit', 'verify', '-o', 'json'], all)).toBe(1);
      expect(JSON.parse(all.out())).toMatchObject({
        ok: false,
        checked: 0,
        firstBad: { sequence: 1, problem: 'DELETED' },
        checkpoint: { state: 'valid', sequence: 4 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
