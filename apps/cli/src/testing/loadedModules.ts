import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A module hook recording the URL of every module resolved (so imported) in the process, to $OPSPILOT_MODULE_LOG. */
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.OPSPILOT_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`;

/** What a run of `node script args…` printed and the files of every module it imported. */
export interface LoadedModules {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Absolute paths of the modules imported (ES modules, with CommonJS packages' entry files), in import order. */
  files: string[];
}

/**
 * Runs `node script ...args` in a child process and lists the modules it imports, to prove what a start does not
 * load (a timing test could not fail reliably on a shared machine; this can).
 */
export function loadedModules(
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): LoadedModules {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-modules-'));
  const log = join(dir, 'modules.log');
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, script, ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...env, OPSPILOT_MODULE_LOG: log },
      },
    );
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      // nothing was imported through the hook
    }
    const files = [
      ...new Set(
        text
          .split('\n')
          .filter((url) => url.startsWith('file:'))
          .map((url) => fileURLToPath(url)),
      ),
    ];
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
