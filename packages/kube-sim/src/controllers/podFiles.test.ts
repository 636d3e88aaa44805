import { ManualClock } from '@opspilot/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import type { KubeObject } from '../store/kubeObject.js';
import { advanceClock } from '../testing/advanceClock.js';
import { podEnv } from './podEnv.js';
import { listPodDir, readPodFile, writePodFile } from './podFiles.js';

type Json = Record<string, unknown>;
let sim: SimCluster;
const view = () => ({ store: sim.store, registry: sim.api.registry, now: () => sim.clock.now() });
const type = (plural: string) => sim.api.registry.find('', 'v1', plural)!;
const create = (plural: string, obj: Json) => sim.store.create(type(plural), obj as unknown as KubeObject);
const pod = (name: string) => sim.store.get(type('pods'), 'default', name);

beforeEach(async () => {
  sim = await startSimCluster({ clock: new ManualClock(new Date('2026-01-01T00:00:00Z')), tls: false });
  create('configmaps', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'app', namespace: 'default' },
    data: { COLOR: 'blue', 'size.txt': 'medium' },
  });
  create('secrets', {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'default' },
    data: { password: Buffer.from('s3cret').toString('base64') },
  });
});
afterEach(async () => sim?.stop());

const shared = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
  spec: {
    volumes: [
      { name: 'config', configMap: { name: 'app' } },
      { name: 'creds', secret: { secretName: 'db', items: [{ key: 'password', path: 'db/password' }] } },
      { name: 'data', emptyDir: {} },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
    ],
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        env: [
          { name: 'MODE', value: 'fast' },
          { name: 'GREETING', value: 'mode $(MODE)' },
          { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'app', key: 'COLOR' } } },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        ],
        envFrom: [{ configMapRef: { name: 'app' }, prefix: 'CFG_' }],
        resources: { limits: { memory: '128Mi' } },
        volumeMounts: [
          { name: 'config', mountPath: '/etc/config' },
          { name: 'config', mountPath: '/etc/size', subPath: 'size.txt' },
          { name: 'creds', mountPath: '/etc/creds' },
          { name: 'data', mountPath: '/usr/share/nginx/html' },
          { name: 'info', mountPath: '/etc/podinfo' },
        ],
      },
      {
        name: 'writer',
        image: 'busybox:1.36',
        command: [
          'sh',
          '-c',
          'echo hello from writer > /data/index.html; sleep 5; echo again >> /data/index.html; sleep infinity',
        ],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
  },
};

describe('files and environment inside pods', () => {
  it('resolves env from literals, ConfigMaps, Secrets, the downward API and Services', async () => {
    create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-backend', namespace: 'default' },
      spec: { clusterIP: '10.96.100.5', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    });
    create('pods', shared);
    await advanceClock(sim.clock as ManualClock, 5_000);
    const env = podEnv(view(), pod('web'), 'web');
    expect(env).toMatchObject({
      MY_BACKEND_SERVICE_HOST: '10.96.100.5',
      MY_BACKEND_SERVICE_PORT: '8080',
      MY_BACKEND_SERVICE_PORT_HTTP: '8080',
      MY_BACKEND_PORT: 'tcp://10.96.100.5:8080',
      MY_BACKEND_PORT_8080_TCP_PROTO: 'tcp',
    });
    expect(env).toMatchObject({
      MODE: 'fast',
      GREETING: 'mode fast',
      COLOR: 'blue',
      DB_PASSWORD: 's3cret',
      POD_NAME: 'web',
      MEM: '128',
      CFG_COLOR: 'blue',
      HOSTNAME: 'web',
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
    });
    expect(env['CFG_size.txt']).toBe('medium');
  });

  it('mounts ConfigMap, Secret, downward API and service-account files; emptyDir is shared and written', async () => {
    create('pods', shared);
    await advanceClock(sim.clock as ManualClock, 4_000);
    const p = pod('web');
    expect(readPodFile(view(), p, 'web', '/etc/config/COLOR')).toEqual({ ok: true, content: 'blue' });
    expect(readPodFile(view(), p, 'web', '/etc/size')).toEqual({ ok: true, content: 'medium' });
    expect(readPodFile(view(), p, 'web', '/etc/creds/db/password')).toEqual({ ok: true, content: 's3cret' });
    expect(readPodFile(view(), p, 'web', '/etc/podinfo/labels')).toEqual({ ok: true, content: 'app="web"' });
    expect(readPodFile(view(), p, 'web', '/etc/hostname')).toEqual({ ok: true, content: 'web\n' });
    expect(readPodFile(view(), p, 'web', '/var/run/secrets/kubernetes.io/serviceaccount/namespace')).toEqual({
      ok: true,
      content: 'default',
    });
    expect(readPodFile(view(), p, 'web', '/etc/config/missing')).toMatchObject({ ok: false, code: 'ENOENT' });
    expect(readPodFile(view(), p, 'web', '/etc/config')).toMatchObject({ ok: false, code: 'EISDIR' });
    const listing = listPodDir(view(), p, 'web', '/etc/config');
    expect(listing.ok && listing.entries.map((e) => e.name)).toEqual(['..data', 'COLOR', 'size.txt']);
    expect(readPodFile(view(), p, 'web', '/usr/share/nginx/html/index.html')).toEqual({
      ok: true,
      content: 'hello from writer\n',
    });
    expect(readPodFile(view(), p, 'writer', '/data/index.html')).toEqual({ ok: true, content: 'hello from writer\n' });
    await advanceClock(sim.clock as ManualClock, 6_000);
    expect(readPodFile(view(), pod('web'), 'web', '/usr/share/nginx/html/index.html')).toEqual({
      ok: true,
      content: 'hello from writer\nagain\n',
    });
    expect(writePodFile(view(), p, 'web', '/etc/config/COLOR', { op: 'write', content: 'red' })).toMatchObject({
      code: 'EROFS',
    });
    expect(writePodFile(view(), p, 'web', '/nope/x', { op: 'write', content: 'red' })).toMatchObject({
      code: 'ENOENT',
    });
    expect(writePodFile(view(), p, 'writer', '/data/note', { op: 'write', content: 'hi\n' })).toEqual({ ok: true });
    expect(readPodFile(view(), p, 'web', '/usr/share/nginx/html/note')).toEqual({ ok: true, content: 'hi\n' });
    expect(readPodFile(view(), p, 'web', '/tmp/x')).toMatchObject({ code: 'ENOENT' });
  });

  it('keeps a pod whose ConfigMap volume is missing in ContainerCreating with the FailedMount event', async () => {
    create('pods', {
      ...shared,
      metadata: { name: 'broken', namespace: 'default' },
      spec: {
        volumes: [{ name: 'config', configMap: { name: 'absent' } }],
        containers: [{ name: 'web', image: 'nginx:1.27', volumeMounts: [{ name: 'config', mountPath: '/etc/x' }] }],
      },
    });
    await advanceClock(sim.clock as ManualClock, 10_000);
    const status = (pod('broken').status as Json).containerStatuses as Json[];
    expect(status[0]!.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const events = sim.store.list(type('events'), { namespace: 'default' }).items as unknown as Json[];
    expect(events.find((e) => e.reason === 'FailedMount')).toMatchObject({
      type: 'Warning',
      message: 'MountVolume.SetUp failed for volume "config" : configmap "absent" not found',
    });
  });
});
