import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedModules } from './testing/index.js';

const bin = fileURLToPath(new URL('../bin/opspilot.js', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The files of our own sources and of the packages a run of the bin (from source, through tsx) imports. */
function importedBy(args: string[]): string[] {
  const run = loadedModules(bin, args, { OPSPILOT_FROM_SOURCE: '1' });
  expect(run.status, run.stderr).toBe(0);
  return run.files
    .map((file) => relative(root, file))
    .filter((file) => !/^node_modules\/(tsx|esbuild)\//.test(file) && file !== 'apps/cli/bin/opspilot.js');
}

// What starts are made of is checked by the modules they import, not by timing them (bench/cliStartup.ts does).
describe('the start of opspilot', () => {
  it('--help and --version import the catalog, commander and picocolors: no command module, zod or package of ours', () => {
    for (const args of [['--help'], ['--version']]) {
      const files = importedBy(args);
      expect(files).toContain('apps/cli/src/commandCatalog.ts');
      const others = files.filter(
        (f) => !/^apps\/cli\/src\/[^/]+\.ts$|^node_modules\/(commander|picocolors)\//.test(f),
      );
      expect(others, args.join(' ')).toEqual([]);
    }
  }, 60_000);

  it('a command imports its own module and no other command', () => {
    const files = importedBy(['version']);
    expect(files.filter((f) => f.startsWith('apps/cli/src/commands/'))).toEqual([
      'apps/cli/src/commands/versionCommand.ts',
    ]);
    expect(files).not.toContain('packages/config/src/index.ts');
  }, 60_000);

  it('a command on the embedded SQLite store does not load the PostgreSQL driver', () => {
    const files = importedBy(['audit', 'list', '-o', 'json']);
    expect(files).toContain('packages/store/src/connectDatabase.ts');
    expect(files.filter((f) => f.startsWith('node_modules/better-sqlite3/'))).not.toEqual([]);
    expect(files.filter((f) => /^node_modules\/pg(-[a-z]+)?\//.test(f))).toEqual([]);
  }, 60_000);
});
