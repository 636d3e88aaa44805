import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPodFile } from './controllers/podFiles.js';
import { type SimCluster, startSimCluster } from './startSimCluster.js';
import { advanceClock, createKubectl, type KubectlResult } from './testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: inside, labels: {app: ${name}}}
spec:
${spec}`;

const manifests = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: inside}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app, namespace: inside}\ndata: {COLOR: blue, size: medium}\n',
  pod(
    'reader',
    `  volumes: [{name: config, configMap: {name: app}}, {name: data, emptyDir: {}}]
  containers:
    - name: main
      image: busybox:1.36
      command: [sh, -c, 'echo "color=$COLOR"; cat /etc/config/size; echo saved > /data/note; sleep 3600']
      env: [{name: COLOR, valueFrom: {configMapKeyRef: {name: app, key: COLOR}}}]
      volumeMounts: [{name: config, mountPath: /etc/config}, {name: data, mountPath: /data}]
    - name: side
      image: nginx:1.27
      volumeMounts: [{name: data, mountPath: /usr/share/nginx/html}]
`,
  ),
  pod(
    'unmounted',
    `  volumes: [{name: config, configMap: {name: absent}}]
  containers: [{name: web, image: "nginx:1.27", volumeMounts: [{name: config, mountPath: /etc/config}]}]
`,
  ),
  pod(
    'refused',
    `  containers:
    - {name: web, image: "nginx:1.27", readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 5}}
`,
  ),
  // The liveness example of the Kubernetes documentation (configure liveness, readiness and startup probes).
  pod(
    'liveness-exec',
    `  containers:
    - name: liveness
      image: busybox:1.36
      args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
      livenessProbe: {exec: {command: [cat, /tmp/healthy]}, initialDelaySeconds: 5, periodSeconds: 5}
`,
  ),
].join('---\n');

const warming = pod(
  'warming',
  `  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 20; touch /tmp/ready; sleep infinity']
      readinessProbe: {exec: {command: [test, -f, /tmp/ready]}, periodSeconds: 5, successThreshold: 2}
`,
);

const slowStart = pod(
  'slow-start',
  `  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 20; touch /tmp/started; sleep infinity']
      startupProbe: {exec: {command: [cat, /tmp/started]}, periodSeconds: 5, failureThreshold: 10}
      livenessProbe: {exec: {command: [cat, /tmp/started]}, periodSeconds: 5}
`,
);

const neverStarts = pod(
  'never-starts',
  `  containers:
    - {name: web, image: "nginx:1.27", startupProbe: {httpGet: {path: /started, port: 80}, periodSeconds: 5, failureThreshold: 3}}
`,
);

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  await ok(['apply', '-f', '-'], manifests);
  await advanceClock(clock, 10_000);
}, 120_000);
afterAll(async () => sim?.stop());

const events = async (name: string) =>
  (
    JSON.parse(
      await ok(['get', 'events', '-n', 'inside', '--field-selector', `involvedObject.name=${name}`, '-o', 'json']),
    ) as { items: { type: string; reason: string; message: string }[] }
  ).items;

describe('real kubectl: files, environment and probes inside pods', () => {
  it('gives containers ConfigMap values in env and mounted files, and shares an emptyDir', async () => {
    expect(await ok(['logs', 'reader', '-c', 'main', '-n', 'inside'])).toBe('color=blue\nmedium\n');
    const reader = sim.store.get(sim.api.registry.find('', 'v1', 'pods')!, 'inside', 'reader');
    const view = { store: sim.store, registry: sim.api.registry, now: () => clock.now() };
    expect(readPodFile(view, reader, 'side', '/usr/share/nginx/html/note')).toEqual({ ok: true, content: 'saved\n' });
    expect(readPodFile(view, reader, 'side', '/etc/config/size')).toMatchObject({ ok: false, code: 'ENOENT' });
  });

  it('keeps a pod whose ConfigMap volume is missing in ContainerCreating with FailedMount, until it exists', async () => {
    expect(await ok(['get', 'pod', 'unmounted', '-n', 'inside', '--no-headers'])).toMatch(
      /^unmounted\s+0\/1\s+ContainerCreating\s+0\s/,
    );
    expect(await ok(['describe', 'pod', 'unmounted', '-n', 'inside'])).toMatch(
      /Warning\s+FailedMount\s+\S+\s+kubelet\s+MountVolume\.SetUp failed for volume "config" : configmap "absent" not found/,
    );
    await ok(['create', 'configmap', 'absent', '-n', 'inside', '--from-literal=k=v']);
    await advanceClock(clock, 5_000);
    expect(await ok(['get', 'pod', 'unmounted', '-n', 'inside', '--no-headers'])).toMatch(
      /^unmounted\s+1\/1\s+Running/,
    );
  });

  it('refuses a tcpSocket probe on a port nothing listens on, keeping the pod unready', async () => {
    expect(await ok(['get', 'pod', 'refused', '-n', 'inside', '--no-headers'])).toMatch(/^refused\s+0\/1\s+Running/);
    const ip = (await ok(['get', 'pod', 'refused', '-n', 'inside', '-o', 'jsonpath={.status.podIP}'])).trim();
    expect(await events('refused')).toContainEqual(
      expect.objectContaining({
        type: 'Warning',
        reason: 'Unhealthy',
        message: `Readiness probe failed: dial tcp ${ip}:8080: connect: connection refused`,
      }),
    );
  });

  it('restarts a container whose exec liveness probe fails once its file is gone, as the documented example', async () => {
    // killed 40 s into its run (three failed probes from 30 s), restarted after the 10 s back-off
    await advanceClock(clock, 45_000);
    const restarts = () =>
      ok(['get', 'pod', 'liveness-exec', '-n', 'inside', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']);
    expect(await restarts()).toBe('1');
    const seen = await events('liveness-exec');
    expect(seen).toContainEqual(
      expect.objectContaining({
        reason: 'Unhealthy',
        message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      }),
    );
    expect(seen).toContainEqual(
      expect.objectContaining({
        reason: 'Killing',
        message: 'Container liveness failed liveness probe, will be restarted',
      }),
    );
  });

  it('holds liveness and readiness until a startup probe passes, and restarts a container whose startup probe fails', async () => {
    await ok(['apply', '-f', '-'], [slowStart, neverStarts].join('---\n'));
    const status = (name: string, path: string) =>
      ok(['get', 'pod', name, '-n', 'inside', '-o', `jsonpath={.status.containerStatuses[0].${path}}`]);
    await advanceClock(clock, 10_000);
    expect(await status('slow-start', 'started')).toBe('false');
    expect(await status('slow-start', 'ready')).toBe('false');
    await advanceClock(clock, 25_000);
    // Its liveness probe would have failed three times by 15 s: it only started once the startup probe passed.
    expect(await status('slow-start', 'started')).toBe('true');
    expect(await status('slow-start', 'ready')).toBe('true');
    expect(await status('slow-start', 'restartCount')).toBe('0');
    expect(await events('slow-start')).toContainEqual(
      expect.objectContaining({
        reason: 'Unhealthy',
        message: "Startup probe failed: cat: can't open '/tmp/started': No such file or directory",
      }),
    );
    expect(Number(await status('never-starts', 'restartCount'))).toBeGreaterThanOrEqual(1);
    const seen = await events('never-starts');
    expect(seen).toContainEqual(
      expect.objectContaining({
        reason: 'Unhealthy',
        message: 'Startup probe failed: HTTP probe failed with statuscode: 404',
      }),
    );
    expect(seen).toContainEqual(
      expect.objectContaining({ reason: 'Killing', message: 'Container web failed startup probe, will be restarted' }),
    );
  });

  it('makes a pod ready once its exec readiness probe succeeds successThreshold times', async () => {
    await ok(['apply', '-f', '-'], warming);
    const ready = () =>
      ok(['get', 'pod', 'warming', '-n', 'inside', '-o', 'jsonpath={.status.containerStatuses[0].ready}']);
    await advanceClock(clock, 20_000);
    expect(await ready()).toBe('false');
    await advanceClock(clock, 12_000);
    expect(await ready()).toBe('true');
  });
});
