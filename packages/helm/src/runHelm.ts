import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The outcome of one helm run. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with private HOME, cache, config and data folders under `home` (so no user repository or plugin leaks in). */
export function run(binary: string, args: string[], home: string, timeoutMs: number): Promise<Run> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
  };
  return new Promise((done, fail) => {
    execFile(binary, args, { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const e = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (e && typeof e.code === 'string') return fail(e);
      done({ code: e ? Number(e.code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** helm's whole message (every line of stderr, or stdout when stderr is empty), without the leading `Error: `. */
export function helmMessage(r: Run): string {
  return (r.stderr || r.stdout).trim().replace(/^Error:\s*/m, '') || `helm exited with code ${r.code}`;
}
