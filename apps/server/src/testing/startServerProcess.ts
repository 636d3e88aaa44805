import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A server started as a child process by {@link startServerProcess}. */
export interface ServerProcess {
  child: ChildProcess;
  /** The URL its start banner printed. */
  url: string;
  /** The administrator's API token, printed on the first start only. */
  token?: string;
  /** Everything it printed on stdout so far. */
  stdout: () => string;
}

/** A port that was free a moment ago (the configuration refuses port 0, so the test picks one). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Runs `node <args>` (a server entry) in `cwd` on a free `PORT` with `env` added to this process's environment, and
 * resolves once its banner printed the URL (and, with `firstStart`, the administrator's API token); rejects if it
 * exits first or is not ready within `readyWithinMs`.
 */
export async function startServerProcess(options: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  firstStart?: boolean;
  readyWithinMs: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready within ${options.readyWithinMs / 1000} s:\n${out}\n${err}`)),
      options.readyWithinMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}\n${err}`));
    });
    child.stdout?.on('data', (d) => {
      out += String(d);
      const url = /opspilot is running at (\S+)/.exec(out)?.[1];
      const token = /API token: (ops_\S+)/.exec(out)?.[1];
      if (url && (token || !options.firstStart)) {
        clearTimeout(timer);
        resolve({ child, url, ...(token ? { token } : {}), stdout: () => out });
      }
    });
  });
}
