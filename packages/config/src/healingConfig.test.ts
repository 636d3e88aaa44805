import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './loadConfig.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opspilot-healing-config-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('healing', () => {
  it('verifies a fix for 60 s within 180 s by default, from the file or the environment otherwise', async () => {
    expect((await loadConfig({ cwd: dir, env: {} })).healing).toEqual({
      settle_seconds: 60,
      verify_timeout_seconds: 180,
    });
    await writeFile(join(dir, 'opspilot.yaml'), 'healing:\n  settle_seconds: 20\n');
    expect((await loadConfig({ cwd: dir, env: {} })).healing.settle_seconds).toBe(20);
    const env = { OPSPILOT_HEALING_SETTLE_SECONDS: '5', OPSPILOT_HEALING_VERIFY_TIMEOUT_SECONDS: '30' };
    expect((await loadConfig({ cwd: dir, env })).healing).toEqual({ settle_seconds: 5, verify_timeout_seconds: 30 });
  });

  it('refuses a negative settle window, naming the key', async () => {
    await expect(loadConfig({ cwd: dir, env: { OPSPILOT_HEALING_SETTLE_SECONDS: '-1' } })).rejects.toThrow(
      /healing\.settle_seconds.*expected 0 or more seconds/,
    );
  });
});
