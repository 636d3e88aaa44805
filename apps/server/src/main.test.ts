import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

/** A port that was free a moment ago (the configuration refuses port 0, so the test picks one). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `npm start`'s command and resolves with the URL and admin token it prints once it is ready. */
async function startMain(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; token: string; stdout: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, startCommand(), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), OPSPILOT_DATA_DIR: dataDir, OPSPILOT_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready within ${READY_WITHIN_MS / 1000} s:\n${out}\n${err}`)),
      READY_WITHIN_MS,
    );
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}\n${err}`)));
    child.stdout?.on('data', (d) => {
      out += String(d);
      const url = /opspilot is running at (\S+)/.exec(out)?.[1];
      const token = /API token: (ops_\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ child, url, token, stdout: () => out });
      }
    });
  });
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
      const running = await startMain(dir);
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
    },
    READY_WITHIN_MS + 30_000,
  );
});
