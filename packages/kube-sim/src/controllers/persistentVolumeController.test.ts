import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './__fixtures__/harness.js';

type Json = Record<string, unknown>;
let h: Harness;

const claim = (name: string, storage: string, extra: Json = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...extra },
});
const volume = (name: string, storage: string, extra: Json = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage },
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'manual',
    hostPath: { path: `/mnt/${name}` },
    ...extra,
  },
});
const podUsing = (name: string, claimName: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    containers: [{ name: 'app', image: 'nginx:1.27' }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }],
  },
});
const fastClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'fast' },
  provisioner: 'rancher.io/local-path',
  volumeBindingMode: 'Immediate',
  allowVolumeExpansion: true,
};
const statusOf = (kind: string, name: string) => h.get(kind, name)!.status as Json;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.sim.stop());

describe('PersistentVolume controller', () => {
  it('provisions pvc-<uid> at once for an Immediate class and expands it when asked', async () => {
    h.create(fastClass);
    const pvc = h.create(claim('data', '1Gi', { storageClassName: 'fast' }));
    await h.settle();
    const pvName = `pvc-${pvc.metadata.uid}`;
    expect(statusOf('PersistentVolumeClaim', 'data')).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    });
    expect((h.get('PersistentVolumeClaim', 'data')!.spec as Json).volumeName).toBe(pvName);
    const pv = h.get('PersistentVolume', pvName)!;
    expect(pv.status).toEqual({ phase: 'Bound' });
    expect(pv.spec).toMatchObject({
      storageClassName: 'fast',
      persistentVolumeReclaimPolicy: 'Delete',
      claimRef: { name: 'data', namespace: 'default', uid: pvc.metadata.uid },
    });
    expect(h.events('ProvisioningSucceeded')[0]!.message).toBe(`Successfully provisioned volume ${pvName}`);
    h.update('PersistentVolumeClaim', 'data', (c) => {
      ((c.spec as Json).resources as Json).requests = { storage: '5Gi' };
    });
    await h.settle();
    expect(statusOf('PersistentVolumeClaim', 'data').capacity).toEqual({ storage: '5Gi' });
    expect((h.get('PersistentVolume', pvName)!.spec as Json).capacity).toEqual({ storage: '5Gi' });
    h.sim.store.delete(h.sim.api.registry.find('', 'v1', 'persistentvolumeclaims')!, 'default', 'data');
    await h.settle();
    expect(h.get('PersistentVolume', pvName)).toBeUndefined();
  });

  it('gives a claim the default class and waits for its first consumer before provisioning', async () => {
    h.create(claim('cache', '512Mi'));
    await h.settle();
    expect((h.get('PersistentVolumeClaim', 'cache')!.spec as Json).storageClassName).toBe('standard');
    expect(statusOf('PersistentVolumeClaim', 'cache').phase).toBe('Pending');
    expect(h.events('WaitForFirstConsumer')[0]!.message).toBe(
      'waiting for first consumer to be created before binding',
    );
    h.create(podUsing('user', 'cache'));
    await h.settle();
    const node = (h.get('Pod', 'user')!.spec as Json).nodeName;
    expect(node).toBeTruthy();
    const bound = h.get('PersistentVolumeClaim', 'cache')!;
    expect((bound.status as Json).phase).toBe('Bound');
    expect(bound.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(node);
    await h.advance(1500);
    expect(statusOf('Pod', 'user').phase).toBe('Running');
  });

  it('leaves a claim of a missing class Pending and its pod unschedulable with the real messages', async () => {
    h.create(claim('lost', '1Gi', { storageClassName: 'gold' }));
    h.create(podUsing('waiting', 'lost'));
    await h.advance(1000);
    expect(statusOf('PersistentVolumeClaim', 'lost').phase).toBe('Pending');
    const failed = h.events('ProvisioningFailed')[0]!;
    expect(failed.type).toBe('Warning');
    expect(failed.message).toBe('storageclass.storage.k8s.io "gold" not found');
    const pod = statusOf('Pod', 'waiting');
    expect(pod.phase).toBe('Pending');
    expect((pod.conditions as Json[])[0]!.message).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('binds a claim to the smallest matching Available volume and releases a Retain volume', async () => {
    h.create(volume('big', '10Gi'));
    h.create(volume('small', '2Gi'));
    h.create(volume('rwx', '1Gi', { accessModes: ['ReadWriteMany'] }));
    await h.settle();
    expect(statusOf('PersistentVolume', 'big').phase).toBe('Available');
    h.create(claim('static', '2Gi', { storageClassName: 'manual' }));
    await h.settle();
    expect((h.get('PersistentVolumeClaim', 'static')!.spec as Json).volumeName).toBe('small');
    expect(statusOf('PersistentVolumeClaim', 'static').capacity).toEqual({ storage: '2Gi' });
    expect(h.get('PersistentVolumeClaim', 'static')!.metadata.annotations).toMatchObject({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    });
    expect(statusOf('PersistentVolume', 'big').phase).toBe('Available');
    h.sim.store.delete(h.sim.api.registry.find('', 'v1', 'persistentvolumeclaims')!, 'default', 'static');
    await h.settle();
    expect(statusOf('PersistentVolume', 'small').phase).toBe('Released');
  });
});
