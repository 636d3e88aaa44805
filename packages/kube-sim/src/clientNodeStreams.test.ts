import { PassThrough } from 'node:stream';
import { Exec, KubeConfig, PortForward, type V1Status } from '@kubernetes/client-node';
import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl } from './testing/index.js';

vi.setConfig({ testTimeout: 60_000 });

let sim: SimCluster;
let kc: KubeConfig;

const collect = (stream: PassThrough) => {
  let text = '';
  stream.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return () => text;
};

beforeAll(async () => {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  const kubectl = createKubectl(sim.kubeconfig);
  await kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [{ name: nginx, image: "nginx:1.27", env: [{ name: COLOR, value: blue }] }]
`,
  );
  for (let i = 0; i < 30; i++) {
    const phase = await kubectl(['get', 'pod', 'web', '-o', 'jsonpath={.status.phase}']);
    if (phase.stdout === 'Running') break;
    await advanceClock(clock, 1000);
  }
}, 60_000);
afterAll(async () => sim?.stop());

describe('the real @kubernetes/client-node streaming clients', () => {
  it('runs exec with its status callback (success and exit codes)', async () => {
    const run = async (command: string[]) => {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const out = collect(stdout);
      const err = collect(stderr);
      const status = await new Promise<V1Status>((resolve, reject) => {
        void new Exec(kc).exec('default', 'web', 'nginx', command, stdout, stderr, null, false, resolve).catch(reject);
      });
      return { status, stdout: out(), stderr: err() };
    };
    const env = await run(['printenv', 'COLOR']);
    expect(env).toMatchObject({ status: { status: 'Success' }, stdout: 'blue\n' });
    const failing = await run(['sh', '-c', 'echo oops >&2; exit 5']);
    expect(failing.stderr).toBe('oops\n');
    expect(failing.status).toMatchObject({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '5' }] },
    });
  });

  it('port-forwards over the channel protocol with the port-number prefix', async () => {
    const output = new PassThrough();
    const input = new PassThrough();
    const received = collect(output);
    const ws = await new PortForward(kc).portForward('default', 'web', [80], output, null, input);
    input.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    await expect.poll(received).toContain('Welcome to nginx!');
    expect(received()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    (ws as { close(): void }).close();
  });
});
