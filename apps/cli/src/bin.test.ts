import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/opspilot.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('bin/opspilot.js', () => {
  it('runs the real command in a child process and forwards output and exit code', () => {
    const ok = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(ok.stdout).toBe(`${version}\n`);
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, '--bogus'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus'");
  });
});
