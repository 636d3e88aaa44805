import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { openStore } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/opspilot.js', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-pipe-'));
const env = { ...process.env, OPSPILOT_DATA_DIR: join(cwd, 'data'), NO_COLOR: '1' };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs the real `opspilot` bin with stdout a pipe this process reads one chunk per event-loop turn. */
async function runPiped(args: string[]): Promise<{ stdout: string; code: number | null }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout) {
    chunks.push(chunk as Buffer);
    await nextTurn();
  }
  return { stdout: Buffer.concat(chunks).toString('utf8'), code: await exited };
}

describe('output through a pipe', () => {
  beforeAll(async () => {
    // 100 entries of about 10 KiB each: `audit list --page-size 100 -o json` prints about 1 MiB.
    const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
    await store.migrate();
    for (let i = 0; i < 100; i++) {
      await store.audit.append({ user_id: 'alice', action: 'bulk.entry', input_prompt: `${i} ${'x'.repeat(10_000)}` });
    }
    await store.close();
  });

  it('delivers a 1 MiB JSON document whole to a slow reader, with the right exit code', async () => {
    const { stdout, code } = await runPiped(['audit', 'list', '--page-size', '100', '-o', 'json']);
    expect(stdout.length).toBeGreaterThan(1_000_000);
    const page = JSON.parse(stdout) as { total: number; items: { sequence: number }[] };
    expect(page.items).toHaveLength(100);
    expect(page.items.at(-1)?.sequence).toBe(1);
    expect(code).toBe(0);
  });
});
