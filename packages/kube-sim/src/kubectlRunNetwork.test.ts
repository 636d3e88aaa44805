import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, createKubectlProcess, type KubectlResult } from './testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;
let start: ReturnType<typeof createKubectlProcess>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Moves the clock a second at a time until `done` holds (or a minute of cluster time has passed). */
async function clockUntil(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 60 && !(await done()); i++) {
    await advanceClock(clock, 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `kubectl run -i --rm t -n NS --image=IMAGE --restart=Never -- ARGS`, moving the clock until kubectl ends. */
async function runOnce(namespace: string, image: string, args: string[]) {
  const run = start(['run', '-i', '--rm', 't', '-n', namespace, `--image=${image}`, '--restart=Never', '--', ...args]);
  await clockUntil(() => run.child.exitCode !== null);
  return { code: await run.exited, stdout: run.stdout(), stderr: run.stderr() };
}

const WEB = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [{ name: nginx, image: "nginx:1.27", ports: [{ containerPort: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
`;

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  start = createKubectlProcess(sim.kubeconfig);
}, 120_000);
afterAll(async () => sim?.stop());

describe('a container whose command is a network client', () => {
  it('kubectl run -i --rm wget/curl/nc prints the answer, ends and removes the pod; a deny-all policy times out', async () => {
    await ok(['create', 'namespace', 'net']);
    await ok(['apply', '-n', 'net', '-f', '-'], WEB);
    await clockUntil(
      async () => (await ok(['get', 'pod', 'web', '-n', 'net', '-o', 'jsonpath={.status.phase}'])) === 'Running',
    );

    const page = await runOnce('net', 'busybox:1.36', ['wget', '-qO-', 'http://web']);
    expect(page.code).toBe(0);
    expect(page.stdout).toContain('Welcome to nginx!');
    expect(page.stdout).toMatch(/pod "t" deleted/);
    expect(await ok(['get', 'pods', '-n', 'net', '-o', 'name'])).toBe('pod/web\n');

    const curled = await runOnce('net', 'curlimages/curl:8.10.1', ['curl', '-s', 'http://web.net.svc.cluster.local/']);
    expect(curled.code).toBe(0);
    expect(curled.stdout).toContain('Welcome to nginx!');

    const scanned = await runOnce('net', 'busybox:1.36', [
      'sh',
      '-c',
      'nc -z -w 2 web 80 && echo open; nc -z -w 2 web 81 || echo closed',
    ]);
    expect(scanned.code).toBe(0);
    expect(scanned.stdout).toMatch(/^open\n(.|\n)*closed\n/);

    await ok(['apply', '-n', 'net', '-f', '-'], DENY_ALL);
    const denied = await runOnce('net', 'busybox:1.36', ['wget', '-T', '3', '-qO-', 'http://web']);
    expect(denied.code).not.toBe(0);
    expect(denied.stdout).toContain('wget: download timed out');
    expect(await ok(['get', 'pods', '-n', 'net', '-o', 'name'])).toBe('pod/web\n');
  });

  it('a Job whose command is wget to a missing Service fails; one to a Service completes', async () => {
    await ok(['create', 'namespace', 'jobs']);
    await ok(['apply', '-n', 'jobs', '-f', '-'], WEB);
    await clockUntil(
      async () => (await ok(['get', 'pod', 'web', '-n', 'jobs', '-o', 'jsonpath={.status.phase}'])) === 'Running',
    );
    const job = (name: string, url: string) => `apiVersion: batch/v1
kind: Job
metadata: { name: ${name} }
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: fetch, image: "busybox:1.36", command: ["wget", "-qO-", "${url}"] }]
`;
    await ok(
      ['apply', '-n', 'jobs', '-f', '-'],
      `${job('fetch-missing', 'http://missing')}---\n${job('fetch-web', 'http://web')}`,
    );
    const conditions = (name: string) =>
      ok(['get', 'job', name, '-n', 'jobs', '-o', 'jsonpath={.status.conditions[?(@.status=="True")].type}']);
    await clockUntil(
      async () => /Failed/.test(await conditions('fetch-missing')) && /Complete/.test(await conditions('fetch-web')),
    );
    expect(await conditions('fetch-missing')).toContain('Failed');
    expect(await conditions('fetch-web')).toContain('Complete');
    expect(await ok(['logs', 'job/fetch-missing', '-n', 'jobs'])).toContain("wget: bad address 'missing'");
    const terminated = await ok([
      'get',
      'pods',
      '-n',
      'jobs',
      '-l',
      'job-name=fetch-missing',
      '-o',
      'jsonpath={.items[0].status.containerStatuses[0].state.terminated.exitCode}',
    ]);
    expect(terminated).toBe('1');
    expect(await ok(['logs', 'job/fetch-web', '-n', 'jobs'])).toContain('Welcome to nginx!');
  });
});
