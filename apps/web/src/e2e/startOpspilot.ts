import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running opspilot server started as `npm start` starts it, with the administrator's one-time password. */
export interface RunningOpspilot {
  url: string;
  username: string;
  password: string;
  /** The administrator's API token (`Authorization: Bearer …`), for set-up through the REST API. */
  token: string;
  /** Its data directory (the SQLite store), shared with CLI commands run beside it. */
  dataDir: string;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A port free on 127.0.0.1 right now (the server's configuration takes 1 to 65535, not 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `apps/server/src/main.ts` under tsx in `repoRoot` with a fresh data directory on a free loopback port, and
 * waits (at most `timeoutMs`) for its banner with the URL and the administrator's credentials.
 */
export async function startOpspilot(
  repoRoot: string,
  timeoutMs = 40_000,
  env: Record<string, string> = {},
): Promise<RunningOpspilot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opspilot-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), OPSPILOT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const stop = () => stopChild(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const banner = await waitFor(
      child,
      () => {
        const url = /opspilot is running at (\S+)/.exec(out)?.[1];
        const username = /created the administrator "([^"]+)"/.exec(out)?.[1];
        const password = /password:\s+(\S+)/.exec(out)?.[1];
        const token = /API token:\s+(\S+)/.exec(out)?.[1];
        return url && username && password && token ? { url, username, password, token } : undefined;
      },
      timeoutMs,
    );
    return { ...banner, dataDir, output: () => out, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; the server printed:\n${out}`);
  }
}

async function waitFor<T>(child: ChildProcess, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the server printed no banner within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
