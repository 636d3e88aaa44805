import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'opspilot.js');

describe('opspilot sim serve', () => {
  it('serves the demo scenario to real kubectl until interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-sim-serve-'));
    const out = join(dir, 'kubeconfig.yaml');
    const child = spawn(
      process.execPath,
      [bin, 'sim', 'serve', '--port', '0', '--scenario', 'demo', '--kubeconfig-out', out],
      { cwd: dir },
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    for (let i = 0; i < 300 && !stdout.includes('export KUBECONFIG='); i++) await new Promise((r) => setTimeout(r, 50));
    expect(stdout).toContain(`export KUBECONFIG=${out}`);
    expect(stdout).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+ \(scenario demo\)/);
    const kubectl = createKubectl(readFileSync(out, 'utf8'));
    const deployments = await kubectl(['get', 'deploy', '-n', 'todo', '-o', 'name']);
    expect(deployments.stdout).toBe('deployment.apps/backend\ndeployment.apps/frontend\n');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses a bad port with exit 2', async () => {
    const child = spawn(process.execPath, [bin, 'sim', 'serve', '--port', 'http'], { cwd: tmpdir() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
  });
});
