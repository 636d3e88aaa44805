import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKubectl } from '@opspilot/kube-sim/testing';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'opspilot.js');

/** Starts `opspilot sim serve` with `args` and waits for it to print its kubeconfig. */
async function serve(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'opspilot-sim-serve-'));
  const out = join(dir, 'kubeconfig.yaml');
  const child = spawn(process.execPath, [bin, 'sim', 'serve', '--port', '0', '--kubeconfig-out', out, ...args], {
    cwd: dir,
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await expect.poll(() => stdout, { timeout: 30_000 }).toContain('export KUBECONFIG=');
  const url = /listening on (\S+)/.exec(stdout)![1]!;
  return { child, exited, out, stdout: () => stdout, url };
}

describe('opspilot sim serve', () => {
  it('serves the demo scenario to real kubectl until interrupted', async () => {
    const sim = await serve(['--scenario', 'demo']);
    expect(sim.stdout()).toContain(`export KUBECONFIG=${sim.out}`);
    expect(sim.stdout()).toMatch(/listening on https:\/\/127\.0\.0\.1:\d+ \(scenario demo\)/);
    const kubectl = createKubectl(readFileSync(sim.out, 'utf8'));
    const deployments = await kubectl(['get', 'deploy', '-n', 'todo', '-o', 'name']);
    expect(deployments.stdout).toBe('deployment.apps/backend\ndeployment.apps/frontend\n');
    sim.child.kill('SIGINT');
    expect(await sim.exited).toBe(0);
  }, 60_000);

  it('requires the generated token, unless --insecure-anonymous', async () => {
    const closed = await serve(['--no-tls']);
    const kubeconfig = parse(readFileSync(closed.out, 'utf8'));
    const token = kubeconfig.users[0].user.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(closed.stdout()).toContain('requests need the bearer token in the kubeconfig');
    const secrets = `${closed.url}/api/v1/namespaces/default/secrets`;
    expect((await fetch(secrets)).status).toBe(401);
    expect((await fetch(secrets, { headers: { Authorization: 'Bearer opspilot-sim-admin' } })).status).toBe(401);
    expect((await fetch(secrets, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    closed.child.kill('SIGINT');
    expect(await closed.exited).toBe(0);

    const open = await serve(['--no-tls', '--insecure-anonymous']);
    expect(open.stdout()).toContain('WARNING: --insecure-anonymous');
    expect((await fetch(`${open.url}/api/v1/namespaces/default/secrets`)).status).toBe(200);
    open.child.kill('SIGINT');
    expect(await open.exited).toBe(0);
  }, 60_000);

  it("sends its applications' traces to --otlp-endpoint with the given headers", async () => {
    const exports: { auth?: string; body: { resourceSpans: { resource: { attributes: { key: string }[] } }[] } }[] = [];
    const receiver = createServer((req, res) => {
      let text = '';
      req.on('data', (d: Buffer) => {
        text += d.toString();
      });
      req.on('end', () => {
        exports.push({ auth: req.headers.authorization, body: JSON.parse(text) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/v1/traces`;
    try {
      const sim = await serve([
        '--scenario',
        'demo',
        '--otlp-endpoint',
        endpoint,
        '--otlp-header',
        'authorization=Bearer t',
        '--cluster-name',
        'lab',
      ]);
      expect(sim.stdout()).toContain(`sending traces to ${endpoint}`);
      await expect.poll(() => exports.length, { timeout: 45_000 }).toBeGreaterThan(0);
      expect(exports[0]?.auth).toBe('Bearer t');
      expect(JSON.stringify(exports[0]?.body)).toContain('{"key":"k8s.cluster.name","value":{"stringValue":"lab"}}');
      sim.child.kill('SIGINT');
      expect(await sim.exited).toBe(0);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  }, 80_000);

  it('refuses a bad port with exit 2', async () => {
    const child = spawn(process.execPath, [bin, 'sim', 'serve', '--port', 'http'], { cwd: tmpdir() });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
  }, 60_000);
});
