import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (for programs that cannot listen on port 0 and report the port they got). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A program started by a test, with its own temporary directory. */
export interface RunningDaemon {
  url: string;
  dir: string;
  process: ChildProcess;
  /** What it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `command args(port, dir)` on a free 127.0.0.1 port in a fresh temporary directory and resolves once
 * `GET url + readyPath` answers 200 (polled every 50 ms); rejects with the program's output if it exits first or
 * is not ready within `readyWithinMs`. `stop()` kills it (SIGTERM, then SIGKILL) and removes the directory.
 */
export async function startDaemon(options: {
  command: string;
  args: (port: number, dir: string) => string[];
  readyPath: string;
  readyWithinMs?: number;
  prepare?: (dir: string, port: number) => void;
}): Promise<RunningDaemon> {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-daemon-'));
  const port = await freePort();
  options.prepare?.(dir, port);
  const child = spawn(options.command, options.args(port, dir), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => {
    out = (out + String(d)).slice(-20_000);
  });
  child.stderr?.on('data', (d) => {
    out = (out + String(d)).slice(-20_000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.readyWithinMs ?? 30_000);
  while (!exited && Date.now() < deadline) {
    const ok = await fetch(`${url}${options.readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, dir, process: child, output: () => out, stop };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error(`${options.command} did not become ready at ${url}${options.readyPath}:\n${out}`);
}
