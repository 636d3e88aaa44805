import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@opspilot/config';
import { UpstreamError } from '@opspilot/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openServerStore } from './openServerStore.js';

const dir = mkdtempSync(join(tmpdir(), 'opspilot-server-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openServerStore', () => {
  it('creates and migrates the default SQLite database under data_dir', async () => {
    const config = await loadConfig({ cwd: dir, env: { OPSPILOT_DATA_DIR: join(dir, 'data') } });
    const store = await openServerStore(config, dir);
    expect(store.dialect).toBe('sqlite');
    await store.audit.append({ user_id: 'admin', action: 'server.started' });
    expect((await store.audit.verify()).ok).toBe(true);
    await store.close();
  });

  it('fails with an upstream error naming PostgreSQL when it cannot be reached', async () => {
    const config = await loadConfig({
      cwd: dir,
      env: { OPSPILOT_DATABASE_URL: 'postgres://nobody:pw@127.0.0.1:1/none' },
    });
    const failure = await openServerStore(config, dir).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UpstreamError);
    expect((failure as UpstreamError).message).toContain('postgres://nobody:***@127.0.0.1:1/none');
    expect((failure as UpstreamError).message).not.toContain(':pw@');
  });
});
