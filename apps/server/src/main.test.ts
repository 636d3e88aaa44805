import { type ChildProcess, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './testing/startServerProcess.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** How long a start may take on a loaded machine before the test gives up (a start takes seconds when quiet). */
const READY_WITHIN_MS = 150_000;

/** The `npm start` command line of the root package.json, with `node` being this Node. */
function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [program, ...args] = pkg.scripts.start.split(/\s+/);
  expect(program).toBe('node');
  return args;
}

describe('npm start', () => {
  beforeAll(() => {
    // What `prestart` does: compile the server unless the build is fresh.
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }, READY_WITHIN_MS);

  it('runs the compiled server, not TypeScript', () => {
    expect(startCommand()).toContain('apps/server/dist/main.js');
  });

  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    'becomes ready with the simulated cluster registered and answers the admin token',
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'opspilot-main-'));
      const running = await startServerProcess({
        args: startCommand(),
        cwd: ROOT,
        env: { OPSPILOT_DATA_DIR: dir, OPSPILOT_LOG_LEVEL: 'warn' },
        firstStart: true,
        readyWithinMs: READY_WITHIN_MS,
      });
      child = running.child;
      const ready = await fetch(`${running.url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const auth = { authorization: `Bearer ${running.token}` };
      const me = await fetch(`${running.url}/api/trpc/users.me`, { headers: auth });
      expect(((await me.json()) as { result: { data: unknown } }).result.data).toMatchObject({
        username: 'admin',
        role: 'ADMIN',
      });
      const clusters = (await (await fetch(`${running.url}/api/v1/clusters`, { headers: auth })).json()) as {
        items: unknown[];
      };
      // Both embedded simulated clusters, sim-demo (registered last) first.
      expect(clusters.items).toEqual([
        expect.objectContaining({ name: 'sim-demo', status: expect.objectContaining({ state: 'ONLINE' }) }),
        expect.objectContaining({ name: 'sim-staging' }),
      ]);
      expect(running.stdout()).toMatch(/password: {2}\S{24}/);
      // The banner names both simulated clusters with their API servers.
      expect(running.stdout()).toMatch(/simulated cluster: sim-demo \(https:\/\/127\.0\.0\.1:\d+\)/);
      expect(running.stdout()).toMatch(/simulated cluster: sim-staging \(https:\/\/127\.0\.0\.1:\d+\)/);
    },
    READY_WITHIN_MS + 30_000,
  );
});
