import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { type Harness, startHarness } from './__fixtures__/harness.js';
import { claimName, ordinalOf } from './statefulSetController.js';

type Json = Record<string, unknown>;
let h: Harness;

const statefulSet = (name: string, replicas: number, extra: Json = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas,
    serviceName: name,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'db', image: 'postgres:16' }] },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
    ...extra,
  },
});
const podNames = (app: string) =>
  h
    .list('Pod')
    .filter((p) => p.metadata.labels?.app === app)
    .map((p) => p.metadata.name)
    .sort();
const status = (name: string) => h.get('StatefulSet', name)!.status as Json;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('StatefulSet controller', () => {
  it('names ordinals and claims', () => {
    expect(ordinalOf('web', 'web-12')).toBe(12);
    expect(ordinalOf('web', 'web-x')).toBeUndefined();
    expect(ordinalOf('web', 'webby-1')).toBeUndefined();
    expect(claimName('data', 'db', 2)).toBe('data-db-2');
  });

  it('creates ordinal pods one at a time, each once the previous is Ready, with claims and identity', async () => {
    h.create(statefulSet('db', 3));
    await h.settle();
    expect(podNames('db')).toEqual(['db-0']);
    await h.advance(1250);
    expect(podNames('db')).toEqual(['db-0', 'db-1']);
    await h.advance(3000);
    expect(podNames('db')).toEqual(['db-0', 'db-1', 'db-2']);
    const pod = h.get('Pod', 'db-1')!;
    expect((pod.spec as Json).hostname).toBe('db-1');
    expect((pod.spec as Json).subdomain).toBe('db');
    expect(pod.metadata.labels).toMatchObject({
      'statefulset.kubernetes.io/pod-name': 'db-1',
      'apps.kubernetes.io/pod-index': '1',
    });
    expect((pod.spec as Json).volumes).toContainEqual({
      name: 'data',
      persistentVolumeClaim: { claimName: 'data-db-1' },
    });
    expect(
      h
        .list('PersistentVolumeClaim')
        .map((c) => c.metadata.name)
        .sort(),
    ).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    expect(h.list('PersistentVolumeClaim')[0]!.metadata.labels).toEqual({ app: 'db' });
    const revision = h.list('ControllerRevision')[0]!;
    expect(revision.metadata.name).toMatch(/^db-[a-z0-9]{10}$/);
    expect(revision.revision).toBe(1);
    expect(pod.metadata.labels?.['controller-revision-hash']).toBe(revision.metadata.name);
    await h.advance(1500);
    expect(status('db')).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      availableReplicas: 3,
      currentRevision: revision.metadata.name,
      updateRevision: revision.metadata.name,
    });
  });

  it('creates all pods at once under the Parallel policy', async () => {
    h.create(statefulSet('par', 3, { podManagementPolicy: 'Parallel' }));
    await h.settle();
    expect(podNames('par')).toEqual(['par-0', 'par-1', 'par-2']);
  });

  it('scales down from the highest ordinal and keeps the claims', async () => {
    h.create(statefulSet('db', 3, { podManagementPolicy: 'Parallel' }));
    await h.advance(1500);
    h.update('StatefulSet', 'db', (s) => {
      (s.spec as Json).replicas = 1;
    });
    await h.settle();
    expect(podNames('db')).toEqual(['db-0']);
    expect(h.list('PersistentVolumeClaim')).toHaveLength(3);
    expect(status('db')).toMatchObject({ replicas: 1, readyReplicas: 1 });
  });

  it('rolls an update from the highest ordinal, honouring the partition', async () => {
    h.create(statefulSet('db', 3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }));
    await h.advance(5000);
    const first = status('db').currentRevision;
    h.update('StatefulSet', 'db', (s) => {
      ((((s.spec as Json).template as Json).spec as Json).containers as Json[])[0]!.image = 'postgres:15';
    });
    await h.settle();
    const image = (name: string) => (((h.get('Pod', name)!.spec as Json).containers as Json[])[0] as Json).image;
    expect(image('db-2')).toBe('postgres:15');
    expect(image('db-1')).toBe('postgres:16');
    await h.advance(1500);
    expect(image('db-1')).toBe('postgres:15');
    await h.advance(3000);
    expect(image('db-0')).toBe('postgres:16');
    const s = status('db');
    expect(s.currentRevision).toBe(first);
    expect(s.updateRevision).not.toBe(first);
    expect(s).toMatchObject({ updatedReplicas: 2, currentReplicas: 1, readyReplicas: 3 });
    expect(h.list('ControllerRevision').map((r: KubeObject) => r.revision)).toEqual(expect.arrayContaining([1, 2]));
    h.update('StatefulSet', 'db', (sts) => {
      ((sts.spec as Json).updateStrategy as Json).rollingUpdate = { partition: 0 };
    });
    await h.advance(3000);
    expect(image('db-0')).toBe('postgres:15');
    expect(status('db')).toMatchObject({ currentRevision: s.updateRevision, currentReplicas: 3, updatedReplicas: 3 });
  });
});
