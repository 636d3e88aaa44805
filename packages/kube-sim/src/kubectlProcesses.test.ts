import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, type KubectlResult } from './testing/index.js';

vi.setConfig({ testTimeout: 120_000 });

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** Moves the cluster clock a second at a time until `read` gives what `done` accepts (at most `limitMs`). */
async function whenClockReaches<T>(read: () => Promise<T>, done: (value: T) => boolean, limitMs = 120_000) {
  let value = await read();
  for (let ms = 0; !done(value) && ms < limitMs; ms += 1000) {
    await advanceClock(clock, 1000);
    value = await read();
  }
  return value;
}

const waiting = (pod: string) =>
  ok(['get', 'pod', pod, '-n', 'apps', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}']);

/** Moves the clock until the pod's first container waits for `reason`; returns the reason it waits for then. */
const waitsFor = (pod: string, reason: string) =>
  whenClockReaches(
    () => waiting(pod),
    (r) => r === reason,
  );

const deployment = (name: string, image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: apps }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: main, image: "${image}"${extra} }]
`;

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  await ok(['create', 'namespace', 'apps']);
}, 120_000);
afterAll(async () => sim?.stop());

describe('real kubectl: images from the registry model', () => {
  it('rolls out deployments of everyday images and tags', async () => {
    const forever = ', command: ["sleep", "infinity"]';
    const manifests = [
      deployment('nginx-old', 'nginx:1.21'),
      deployment('nginx-new', 'nginx:1.29'),
      deployment('httpd', 'httpd:alpine'),
      deployment('mysql', 'mysql:8.0.36'),
      deployment('python', 'python:3.9-slim-buster', forever),
      deployment('curl', 'curlimages/curl:8.10.1', forever),
    ];
    await ok(['apply', '-f', '-'], manifests.join('---\n'));
    const names = ['nginx-old', 'nginx-new', 'httpd', 'mysql', 'python', 'curl'];
    const available = await whenClockReaches(
      () => ok(['get', 'deployments', '-n', 'apps', '-o', 'jsonpath={.items[*].status.availableReplicas}']),
      (out) => out.split(' ').filter((n) => n === '1').length === names.length,
    );
    expect(available).toBe('1 1 1 1 1 1');
    for (const name of names)
      expect(await ok(['rollout', 'status', `deployment/${name}`, '-n', 'apps', '--timeout=5s'])).toContain(
        'successfully rolled out',
      );
  });

  it('fails to pull a tag that cannot exist with ErrImagePull then ImagePullBackOff', async () => {
    await ok(['run', 'bad-tag', '-n', 'apps', '--image=nginx:invalid-tag']);
    expect(await waitsFor('bad-tag', 'ErrImagePull')).toBe('ErrImagePull');
    expect(await waitsFor('bad-tag', 'ImagePullBackOff')).toBe('ImagePullBackOff');
    const events = await ok(['get', 'events', '-n', 'apps', '--field-selector=involvedObject.name=bad-tag']);
    expect(events).toContain(
      'Failed to pull image "nginx:invalid-tag": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:invalid-tag"',
    );
    await ok(
      ['apply', '-f', '-'],
      'apiVersion: v1\nkind: Pod\nmetadata: { name: bad-name, namespace: apps }\nspec: { containers: [{ name: main, image: "Nginx:1.27" }] }\n',
    );
    expect(await waitsFor('bad-name', 'InvalidImageName')).toBe('InvalidImageName');
  });
});

describe('real kubectl: the container process model', () => {
  it('crash-loops a command the image cannot run, with the runtime message', async () => {
    await ok([
      'run',
      'crasher',
      '-n',
      'apps',
      '--image=nginx:1.27',
      '--command',
      '--',
      'python3',
      '-c',
      'import sys; sys.exit(1)',
    ]);
    expect(await waitsFor('crasher', 'RunContainerError')).toBe('RunContainerError');
    expect(await waitsFor('crasher', 'CrashLoopBackOff')).toBe('CrashLoopBackOff');
    const last = JSON.parse(
      await ok([
        'get',
        'pod',
        'crasher',
        '-n',
        'apps',
        '-o',
        'jsonpath={.status.containerStatuses[0].lastState.terminated}',
      ]),
    );
    expect(last).toMatchObject({ reason: 'StartError', exitCode: 128 });
    expect(last.message).toContain('exec: "python3": executable file not found in $PATH');
    expect(await ok(['get', 'pod', 'crasher', '-n', 'apps'])).toMatch(/crasher\s+0\/1\s+CrashLoopBackOff\s+1 /);
    expect(await ok(['get', 'events', '-n', 'apps', '--field-selector=involvedObject.name=crasher'])).toContain(
      'Error: failed to create containerd task',
    );
  });

  it('runs shell commands: echo output in the logs, exit codes in the state', async () => {
    await ok([
      'run',
      'talker',
      '-n',
      'apps',
      '--image=busybox:1.36',
      '--',
      'sh',
      '-c',
      'echo hello from $HOSTNAME; while true; do echo tick; sleep 10; done',
    ]);
    const logs = await whenClockReaches(
      () => ok(['logs', 'talker', '-n', 'apps']),
      (out) => out.split('tick').length > 3,
    );
    expect(logs.startsWith('hello from talker\ntick\ntick\n')).toBe(true);
    await ok([
      'run',
      'quitter',
      '-n',
      'apps',
      '--restart=Never',
      '--image=busybox:1.36',
      '--',
      'sh',
      '-c',
      'echo bye; exit 3',
    ]);
    const code = await whenClockReaches(
      () =>
        ok([
          'get',
          'pod',
          'quitter',
          '-n',
          'apps',
          '-o',
          'jsonpath={.status.containerStatuses[0].state.terminated.exitCode}',
        ]),
      (out) => out !== '',
    );
    expect(code).toBe('3');
    expect(await ok(['get', 'pod', 'quitter', '-n', 'apps', '-o', 'jsonpath={.status.phase}'])).toBe('Failed');
    expect(await ok(['logs', 'quitter', '-n', 'apps'])).toBe('bye\n');
  });
});

describe('real kubectl: the memory model', () => {
  const limited = (name: string, image: string, extra: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: apps }
spec:
  containers:
    - name: main
      image: ${image}
      resources: { limits: { memory: 128Mi } }${extra}
`;
  const terminated = async (pod: string) =>
    JSON.parse(
      (await ok([
        'get',
        'pod',
        pod,
        '-n',
        'apps',
        '-o',
        'jsonpath={.status.containerStatuses[0].lastState.terminated}',
      ])) || '{}',
    );

  it('OOM-kills a container that allocates past its limit, records the kernel event and backs off', async () => {
    await ok(
      ['apply', '-f', '-'],
      limited(
        'stress',
        'polinux/stress:1.0.4',
        '\n      command: [stress]\n      args: [--vm, "1", --vm-bytes, 250M, --vm-hang, "1"]',
      ),
    );
    expect(await waitsFor('stress', 'CrashLoopBackOff')).toBe('CrashLoopBackOff');
    expect(await terminated('stress')).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    const nodeName = await ok(['get', 'pod', 'stress', '-n', 'apps', '-o', 'jsonpath={.spec.nodeName}']);
    expect(
      await ok(['get', 'events', '-n', 'default', '--field-selector', `involvedObject.name=${nodeName}`]),
    ).toContain('Memory cgroup out of memory: Killed process of container main in pod apps/stress');
  });

  it('OOM-kills a growing process when it reaches the limit, on the cluster clock', async () => {
    await ok(['apply', '-f', '-'], limited('leaky', 'opspilot/memory-leak:1.0', ''));
    const running = await whenClockReaches(
      () =>
        ok([
          'get',
          'pod',
          'leaky',
          '-n',
          'apps',
          '-o',
          'jsonpath={.status.containerStatuses[0].state.running.startedAt}',
        ]),
      (r) => r !== '',
    );
    const started = Date.parse(running);
    await advanceClock(clock, started + 119_000 - clock.now().getTime(), 5000);
    expect(await terminated('leaky')).toEqual({});
    await advanceClock(clock, 3000);
    const last = await terminated('leaky');
    expect(last).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(Date.parse(last.finishedAt) - started).toBe(120_000);
  });
});

describe('real kubectl: environment sources and service accounts', () => {
  it('holds a container whose env names a missing Secret key in CreateContainerConfigError, until the key exists', async () => {
    await ok(['create', 'secret', 'generic', 'db', '-n', 'apps', '--from-literal=user=app']);
    await ok(
      ['apply', '-f', '-'],
      `apiVersion: v1
kind: Pod
metadata: { name: needs-secret, namespace: apps }
spec:
  containers:
    - name: main
      image: busybox:1.36
      command: [sleep, infinity]
      env: [{ name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }]
`,
    );
    expect(await waitsFor('needs-secret', 'CreateContainerConfigError')).toBe('CreateContainerConfigError');
    expect(
      await ok([
        'get',
        'pod',
        'needs-secret',
        '-n',
        'apps',
        '-o',
        'jsonpath={.status.containerStatuses[0].state.waiting.message}',
      ]),
    ).toBe("couldn't find key password in Secret apps/db");
    expect(await ok(['get', 'events', '-n', 'apps', '--field-selector=involvedObject.name=needs-secret'])).toContain(
      "Error: couldn't find key password in Secret apps/db",
    );
    await ok(['patch', 'secret', 'db', '-n', 'apps', '-p', '{"stringData":{"password":"s3cret"}}']);
    const phase = await whenClockReaches(
      () => ok(['get', 'pod', 'needs-secret', '-n', 'apps', '-o', 'jsonpath={.status.phase}']),
      (p) => p === 'Running',
    );
    expect(phase).toBe('Running');
  });

  it('refuses a pod whose service account does not exist; new namespaces get their default account', async () => {
    const refused = await kubectl([
      'run',
      'robot',
      '-n',
      'apps',
      '--image=busybox:1.36',
      '--overrides={"spec":{"serviceAccountName":"robot"}}',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'pods "robot" is forbidden: error looking up service account apps/robot: serviceaccount "robot" not found',
    );
    await ok(['create', 'serviceaccount', 'robot', '-n', 'apps']);
    await ok([
      'run',
      'robot',
      '-n',
      'apps',
      '--image=busybox:1.36',
      '--overrides={"spec":{"serviceAccountName":"robot"}}',
    ]);
    await ok(['create', 'namespace', 'fresh']);
    const accounts = await whenClockReaches(
      () => ok(['get', 'serviceaccounts', '-n', 'fresh', '-o', 'name']),
      (out) => out !== '',
    );
    expect(accounts).toBe('serviceaccount/default\n');
    await ok(['run', 'first', '-n', 'fresh', '--image=busybox:1.36']);
  });
});
