import { ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimCluster, startSimCluster } from '../startSimCluster.js';
import { createKubectl, type KubectlResult } from '../testing/index.js';

let sim: SimCluster;
let clock: ManualClock;
let kubectl: (args: string[], input?: string) => Promise<KubectlResult>;

async function ok(args: string[], input?: string): Promise<string> {
  const r = await kubectl(args, input);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
const json = async (...args: string[]) => JSON.parse(await ok(['get', ...args, '-o', 'json']));

function pod(name: string, namespace: string, resources?: object): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...(resources ? { resources } : {}) }] },
  });
}

beforeAll(async () => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  sim = await startSimCluster({ clock });
  kubectl = createKubectl(sim.kubeconfig);
  await ok(['create', 'namespace', 'limited']);
  await ok(['create', 'namespace', 'quoted']);
  await ok(['create', 'namespace', 'counted']);
  await ok(
    ['create', '-f', '-'],
    `apiVersion: v1
kind: LimitRange
metadata: {name: limits, namespace: limited}
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
      max: {cpu: "1", memory: 1Gi}
      min: {cpu: 50m}
      maxLimitRequestRatio: {cpu: "5"}
`,
  );
}, 60_000);
afterAll(async () => sim?.stop());

describe('LimitRange admission', () => {
  it('defaults requests and limits of containers that declare none, and says so', async () => {
    await ok(['create', '-f', '-'], pod('plain', 'limited'));
    const created = await json('pod', 'plain', '-n', 'limited');
    expect(created.spec.containers[0].resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    });
    expect(created.metadata.annotations['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app',
    );
  });

  it('refuses containers over max, under min or over the ratio with the real 403', async () => {
    const big = await kubectl(['create', '-f', '-'], pod('x', 'limited', { limits: { cpu: '2' } }));
    expect(big.code).toBe(1);
    expect(big.stderr).toContain(
      'Error from server (Forbidden): error when creating "STDIN": pods "x" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    );
    const small = await kubectl(
      ['create', '-f', '-'],
      pod('y', 'limited', { requests: { cpu: '10m' }, limits: { cpu: '100m' } }),
    );
    expect(small.stderr).toContain(
      'pods "y" is forbidden: [minimum cpu usage per Container is 50m, but request is 10m, cpu max limit to request ratio per Container is 5, but provided ratio is 10.000000]',
    );
  });
});

describe('ResourceQuota admission and status', () => {
  it('keeps status.used current and refuses creates that would exceed hard', async () => {
    await ok([
      'create',
      'quota',
      'q',
      '-n',
      'quoted',
      '--hard=pods=3,requests.cpu=2,requests.memory=1Gi,limits.cpu=4,limits.memory=2Gi',
    ]);
    const resources = (cpu: string) => ({ requests: { cpu, memory: '256Mi' }, limits: { cpu, memory: '256Mi' } });
    await ok(['create', '-f', '-'], pod('one', 'quoted', resources('1')));
    const quota = await json('quota', 'q', '-n', 'quoted');
    expect(quota.status).toEqual({
      hard: { pods: '3', 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', 'limits.memory': '2Gi' },
      used: { 'limits.cpu': '1', 'limits.memory': '256Mi', pods: '1', 'requests.cpu': '1', 'requests.memory': '256Mi' },
    });
    expect(await ok(['get', 'quota', '-n', 'quoted'])).toMatch(/q\s+\S+\s+pods: 1\/3, requests.cpu: 1\/2/);

    const over = await kubectl(['create', '-f', '-'], pod('x', 'quoted', resources('2')));
    expect(over.code).toBe(1);
    expect(over.stderr).toContain(
      'pods "x" is forbidden: exceeded quota: q, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    );
    const bare = await kubectl(['create', '-f', '-'], pod('bare', 'quoted'));
    expect(bare.stderr).toContain(
      'pods "bare" is forbidden: failed quota: q: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    );
    await ok(['delete', 'pod', 'one', '-n', 'quoted']);
    expect((await json('quota', 'q', '-n', 'quoted')).status.used['requests.cpu']).toBe('0');
  });

  it('counts objects: deployments, services, config maps, secrets and claims with their storage', async () => {
    await ok([
      'create',
      'quota',
      'objects',
      '-n',
      'counted',
      '--hard=count/deployments.apps=1,services=1,configmaps=2,secrets=1,persistentvolumeclaims=1,requests.storage=5Gi',
    ]);
    await ok(['create', 'deployment', 'a', '-n', 'counted', '--image=nginx:1.27', '--replicas=0']);
    const second = await kubectl(['create', 'deployment', 'b', '-n', 'counted', '--image=nginx:1.27']);
    expect(second.stderr).toContain(
      'deployments.apps "b" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
    await ok(['create', 'service', 'clusterip', 'web', '-n', 'counted', '--tcp=80:80']);
    await ok(['create', 'configmap', 'c1', '-n', 'counted']);
    await ok(['create', 'secret', 'generic', 's1', '-n', 'counted']);
    const claim = (name: string, size: string) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name, namespace: 'counted' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
      });
    const tooBig = await kubectl(['create', '-f', '-'], claim('huge', '10Gi'));
    expect(tooBig.stderr).toContain(
      'persistentvolumeclaims "huge" is forbidden: exceeded quota: objects, requested: requests.storage=10Gi, used: requests.storage=0, limited: requests.storage=5Gi',
    );
    await ok(['create', '-f', '-'], claim('data', '2Gi'));
    expect((await json('quota', 'objects', '-n', 'counted')).status.used).toEqual({
      configmaps: '1',
      'count/deployments.apps': '1',
      persistentvolumeclaims: '1',
      'requests.storage': '2Gi',
      secrets: '1',
      services: '1',
    });
    await ok(['create', 'quota', 'no-node-ports', '-n', 'counted', '--hard=services.nodeports=0']);
    const nodePort = await kubectl(['patch', 'svc', 'web', '-n', 'counted', '-p', '{"spec":{"type":"NodePort"}}']);
    expect(nodePort.code).toBe(1);
    expect(nodePort.stderr).toContain(
      'services "web" is forbidden: exceeded quota: no-node-ports, requested: services.nodeports=1, used: services.nodeports=0, limited: services.nodeports=0',
    );
    await ok(['delete', 'quota', 'no-node-ports', '-n', 'counted']);
  });

  it('surfaces pods a ReplicaSet may not create as FailedCreate events and a ReplicaFailure condition', async () => {
    await ok(['create', 'namespace', 'starved']);
    await ok(['create', 'quota', 'cpu', '-n', 'starved', '--hard=requests.cpu=1,limits.cpu=1']);
    await ok(
      ['create', '-f', '-'],
      JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api', namespace: 'starved' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'api' } },
          template: {
            metadata: { labels: { app: 'api' } },
            spec: {
              containers: [
                { name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '400m' }, limits: { cpu: '400m' } } },
              ],
            },
          },
        },
      }),
    );
    await clock.advance(1000);
    await expect
      .poll(async () => (await json('pods', '-n', 'starved', '-l', 'app=api')).items, { timeout: 20_000 })
      .toHaveLength(2);
    const rs = (await json('rs', '-n', 'starved', '-l', 'app=api')).items[0];
    expect(rs.status.conditions).toEqual([
      expect.objectContaining({
        type: 'ReplicaFailure',
        status: 'True',
        reason: 'FailedCreate',
        message: expect.stringMatching(
          /^pods "api-\w+-\w+" is forbidden: exceeded quota: cpu, requested: limits.cpu=400m,requests.cpu=400m, used: limits.cpu=800m,requests.cpu=800m, limited: limits.cpu=1,requests.cpu=1$/,
        ),
      }),
    ]);
    const events = await ok(['get', 'events', '-n', 'starved', '--field-selector', 'reason=FailedCreate']);
    expect(events).toMatch(
      /Warning\s+FailedCreate\s+replicaset\/api-\w+\s+Error creating: pods "api-\w+-\w+" is forbidden: exceeded quota: cpu/,
    );
  });
});
