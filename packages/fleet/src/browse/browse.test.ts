import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { LiveModel } from '../liveModel.js';
import { browserTable } from './browserTable.js';
import { MASKED, maskSecretData } from './maskSecretData.js';
import { objectEvents } from './objectEvents.js';
import { relatedObjects } from './relatedObjects.js';

const now = new Date('2026-01-01T01:00:00Z');
const at = '2026-01-01T00:00:00Z';
const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'todo',
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: at,
  ...extra,
});
const owner = (kind: string, name: string) => [
  { apiVersion: 'apps/v1', kind, name, uid: `uid-${name}`, controller: true },
];

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('backend'),
  spec: { replicas: 1, template: { metadata: { labels: { app: 'backend' } } } },
};
const replicaSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: meta('backend-7d9', { ownerReferences: owner('Deployment', 'backend') }),
};
const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('backend-7d9-x1', { labels: { app: 'backend' }, ownerReferences: owner('ReplicaSet', 'backend-7d9') }),
  spec: { nodeName: 'worker-1', volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
};
const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta('backend', { uid: 'uid-service-backend' }),
  spec: {
    type: 'ClusterIP',
    clusterIP: '10.0.0.7',
    selector: { app: 'backend' },
    ports: [{ port: 80, protocol: 'TCP' }],
  },
};
const event = (name: string, reason: string, last: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: meta(name),
  type: 'Warning',
  reason,
  message: `${reason} happened`,
  count: 3,
  lastTimestamp: last,
  involvedObject: { kind: 'Pod', name: 'backend-7d9-x1', namespace: 'todo' },
});

function model(): LiveModel {
  const m = new LiveModel();
  for (const o of [
    deployment,
    replicaSet,
    pod,
    service,
    event('e1', 'BackOff', '2026-01-01T00:50:00Z'),
    event('e2', 'Failed', '2026-01-01T00:59:00Z'),
  ]) {
    m.store(o.kind)?.apply({ type: 'ADDED', object: o });
  }
  return m;
}

describe('the cluster browser views of the live model', () => {
  it("lists a Deployment's ReplicaSets, pods and Service, and a pod's owners up the chain", () => {
    const m = model();
    expect(relatedObjects(m, 'Deployment', deployment).map((r) => `${r.relation} ${r.ref.kind}/${r.ref.name}`)).toEqual(
      ['owns ReplicaSet/backend-7d9', 'owns Pod/backend-7d9-x1', 'selected-by Service/backend'],
    );
    expect(relatedObjects(m, 'Pod', pod).map((r) => `${r.relation} ${r.ref.kind}/${r.ref.name}`)).toEqual([
      'owner ReplicaSet/backend-7d9',
      'owner Deployment/backend',
      'selected-by Service/backend',
      'uses PersistentVolumeClaim/data',
    ]);
    expect(relatedObjects(m, 'Service', service).map((r) => r.ref.name)).toEqual(['backend-7d9-x1']);
  });

  it('finds the events of an object, newest first, and shows events with type, reason, object, count, last seen', () => {
    const m = model();
    expect(
      objectEvents(m, { kind: 'Pod', name: 'backend-7d9-x1', namespace: 'todo' }).map((e) => e.metadata.name),
    ).toEqual(['e2', 'e1']);
    expect(objectEvents(m, { kind: 'Pod', name: 'other', namespace: 'todo' })).toEqual([]);
    const table = browserTable('Event', m.objects('Event'), now);
    expect(table.columns).toEqual(['NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE', 'COUNT', 'LAST SEEN']);
    expect(table.rows[0]).toEqual(['todo', 'Warning', 'Failed', 'pod/backend-7d9-x1', 'Failed happened', '3', '60s']);
    expect(table.refs[0]).toEqual({ kind: 'Pod', name: 'backend-7d9-x1', namespace: 'todo' });
  });

  it("shows kubectl's columns per kind, pods through kubectlTable", () => {
    const m = model();
    const services = browserTable('Service', m.objects('Service'), now);
    expect(services.columns).toEqual(['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(services.rows).toEqual([['todo', 'backend', 'ClusterIP', '10.0.0.7', '<none>', '80/TCP', '60m']]);
    const pods = browserTable('Pod', m.objects('Pod'), now);
    expect(pods.columns.slice(0, 6)).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(pods.columns).toContain('NODE');
    expect(pods.refs).toEqual([{ kind: 'Pod', name: 'backend-7d9-x1', namespace: 'todo' }]);
  });

  it('masks every value of a Secret, keeping its keys, and leaves other kinds alone', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('db', {
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"p":"c2VjcmV0"}}' },
      }),
      data: { password: 'c2VjcmV0' },
      stringData: { user: 'admin' },
    } as KubeObject;
    const masked = maskSecretData(secret) as KubeObject & { data: object; stringData: object };
    expect(masked.data).toEqual({ password: MASKED });
    expect(masked.stringData).toEqual({ user: MASKED });
    expect(JSON.stringify(masked)).not.toContain('c2VjcmV0');
    expect(maskSecretData(pod)).toBe(pod);
  });
});
