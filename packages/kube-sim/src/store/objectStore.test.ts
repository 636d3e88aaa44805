import { ManualClock } from '@opspilot/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceRegistry } from '../api/resourceRegistry.js';
import type { ResourceType } from '../api/resourceTypes.js';
import { StatusError } from '../api/statusError.js';
import type { KubeObject } from './kubeObject.js';
import { ObjectStore, type StoreEvent } from './objectStore.js';

const registry = new ResourceRegistry();
const type = (group: string, version: string, plural: string): ResourceType => registry.find(group, version, plural)!;
const deployments = type('apps', 'v1', 'deployments');
const configmaps = type('', 'v1', 'configmaps');
const pods = type('', 'v1', 'pods');
const nodes = type('', 'v1', 'nodes');

const deployment = (name: string, replicas = 1, namespace = 'default'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels: { app: name } },
  spec: { replicas },
});

function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error('expected a StatusError');
}

let clock: ManualClock;
let store: ObjectStore;
beforeEach(() => {
  clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  store = new ObjectStore({ clock, historyLimit: 10 });
});

describe('ObjectStore writes', () => {
  it('assigns uid, creationTimestamp from the clock, generation 1 and one global increasing resourceVersion', async () => {
    const a = store.create(deployments, deployment('a'));
    await clock.advance(5000);
    const b = store.create(configmaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'b', namespace: 'x' },
    });
    expect(a.metadata).toMatchObject({
      generation: 1,
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T00:00:00Z',
    });
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.metadata).toMatchObject({ resourceVersion: '2', creationTimestamp: '2026-01-01T00:00:05Z' });
    expect(store.resourceVersion).toBe(2);
  });

  it('raises generation only when something outside metadata and status changes', () => {
    const created = store.create(deployments, deployment('web'));
    const labelled = store.update(deployments, {
      ...created,
      metadata: { ...created.metadata, labels: { app: 'web', tier: 'x' } },
    });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = store.update(deployments, { ...labelled, spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    const status = store.update(deployments, { ...scaled, status: { replicas: 3 } }, { subresource: 'status' });
    expect(status.metadata.generation).toBe(2);
    expect(Number(status.metadata.resourceVersion)).toBeGreaterThan(Number(scaled.metadata.resourceVersion));
  });

  it('keeps the status on main writes and everything else on status writes', () => {
    const created = store.create(deployments, deployment('web'));
    const withStatus = store.update(
      deployments,
      { ...created, spec: { replicas: 9 }, status: { readyReplicas: 1 } },
      { subresource: 'status' },
    );
    expect(withStatus.spec).toEqual({ replicas: 1 });
    expect(withStatus.status).toEqual({ readyReplicas: 1 });
    const main = store.update(deployments, { ...withStatus, spec: { replicas: 2 }, status: { readyReplicas: 7 } });
    expect(main.spec).toEqual({ replicas: 2 });
    expect(main.status).toEqual({ readyReplicas: 1 });
  });

  it('lets main writes set the status of kinds without a status subresource, which have no generation', () => {
    const cm = store.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(cm.metadata.generation).toBeUndefined();
    const updated = store.update(configmaps, { ...cm, status: { x: 1 } });
    expect(updated.status).toEqual({ x: 1 });
    expect(updated.metadata.generation).toBeUndefined();
  });

  it('answers a stale resourceVersion with the real 409 Conflict and keeps the resourceVersion of a no-op write', () => {
    const created = store.create(deployments, deployment('web'));
    store.update(deployments, { ...created, spec: { replicas: 2 } });
    const error = statusOf(() => store.update(deployments, { ...created, spec: { replicas: 3 } }));
    expect(error.code).toBe(409);
    expect(error.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    const current = store.get(deployments, 'default', 'web');
    expect(store.update(deployments, current).metadata.resourceVersion).toBe(current.metadata.resourceVersion);
  });

  it('refuses a taken name with AlreadyExists and fills generateName with five random characters', () => {
    store.create(deployments, deployment('web'));
    const error = statusOf(() => store.create(deployments, deployment('web')));
    expect(error.toStatus()).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments.apps "web" already exists',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    const generated = store.create(configmaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: '', generateName: 'cfg-', namespace: 'default' },
    });
    expect(generated.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('computes dry-run writes without storing them or using a resourceVersion', () => {
    const dry = store.create(deployments, deployment('ghost'), { dryRun: true });
    expect(dry.metadata.uid).toBeDefined();
    expect(store.find(deployments, 'default', 'ghost')).toBeUndefined();
    const real = store.create(deployments, deployment('web'));
    store.update(deployments, { ...real, spec: { replicas: 5 } }, { dryRun: true });
    store.delete(deployments, 'default', 'web', { dryRun: true });
    expect(store.get(deployments, 'default', 'web').spec).toEqual({ replicas: 1 });
    expect(store.resourceVersion).toBe(1);
  });

  it('marks an object with finalizers for deletion and deletes it when the last finalizer goes', () => {
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    const held = deployment('held');
    held.metadata.finalizers = ['example.com/hold'];
    const created = store.create(deployments, held);
    const marked = store.delete(deployments, 'default', 'held');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(marked.metadata.generation).toBe(2);
    expect(store.find(deployments, 'default', 'held')).toBeDefined();
    store.update(deployments, { ...marked, metadata: { ...marked.metadata, finalizers: [] } });
    expect(store.find(deployments, 'default', 'held')).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(created.metadata.deletionTimestamp).toBeUndefined();
  });

  it('checks delete preconditions with the real messages', () => {
    store.create(deployments, deployment('web'));
    const uid = statusOf(() => store.delete(deployments, 'default', 'web', { preconditions: { uid: 'other' } }));
    expect(uid.code).toBe(409);
    expect(uid.message).toMatch(/Precondition failed: UID in precondition: other, UID in object meta: /);
    const rv = statusOf(() => store.delete(deployments, 'default', 'web', { preconditions: { resourceVersion: '0' } }));
    expect(rv.message).toContain(
      'Precondition failed: ResourceVersion in precondition: 0, ResourceVersion in object meta: 1',
    );
  });

  it('answers a missing object with 404 and the resource in details.kind', () => {
    expect(statusOf(() => store.get(deployments, 'default', 'nope')).toStatus()).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
    });
    expect(statusOf(() => store.get(pods, 'default', 'nope')).toStatus().details).toEqual({
      name: 'nope',
      kind: 'pods',
    });
  });
});

describe('ObjectStore lists', () => {
  beforeEach(() => {
    for (const ns of ['a', 'b']) for (const n of ['x', 'y', 'z']) store.create(deployments, deployment(n, 1, ns));
    store.create(nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { unschedulable: true } });
    store.create(nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' } });
  });

  it('lists one namespace or all, in name order', () => {
    expect(store.list(deployments, { namespace: 'b' }).items.map((d) => d.metadata.name)).toEqual(['x', 'y', 'z']);
    expect(store.list(deployments).items.map((d) => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'a/x',
      'a/y',
      'a/z',
      'b/x',
      'b/y',
      'b/z',
    ]);
  });

  it('filters by label and field selectors, refusing fields the kind does not support', () => {
    expect(store.list(deployments, { labelSelector: 'app in (x,z)' }).items).toHaveLength(4);
    expect(store.list(deployments, { fieldSelector: 'metadata.namespace=a,metadata.name!=y' }).items).toHaveLength(2);
    expect(store.list(nodes, { fieldSelector: 'spec.unschedulable=false' }).items.map((n) => n.metadata.name)).toEqual([
      'n2',
    ]);
    expect(statusOf(() => store.list(deployments, { fieldSelector: 'spec.nodeName=x' })).message).toBe(
      'field label not supported: spec.nodeName',
    );
  });

  it('pages with limit and continue tokens that keep the first page resourceVersion', () => {
    const first = store.list(deployments, { limit: 4 });
    expect(first.items).toHaveLength(4);
    expect(first.remainingItemCount).toBe(2);
    store.create(deployments, deployment('late', 1, 'c'));
    const second = store.list(deployments, { limit: 4, continue: first.continue });
    expect(second.items.map((d) => `${d.metadata.namespace}/${d.metadata.name}`)).toEqual(['b/y', 'b/z', 'c/late']);
    expect(second.continue).toBeUndefined();
    expect(second.resourceVersion).toBe(first.resourceVersion);
    expect(statusOf(() => store.list(deployments, { continue: 'garbage' })).code).toBe(400);
  });
});

describe('ObjectStore history and subscribers', () => {
  it('replays events after a resourceVersion and expires versions older than the kept history', () => {
    const created = store.create(deployments, deployment('web'));
    for (let i = 2; i < 15; i++)
      store.update(deployments, {
        ...created,
        metadata: { ...created.metadata, resourceVersion: undefined },
        spec: { replicas: i },
      });
    expect(store.eventsSince(12).map((e) => e.resourceVersion)).toEqual([13, 14]);
    const expired = statusOf(() => store.eventsSince(2));
    expect(expired.toStatus()).toMatchObject({
      code: 410,
      reason: 'Expired',
      message: 'too old resource version: 2 (4)',
    });
  });

  it('filters subscriptions by resource and carries the previous object of a change', () => {
    const seen: string[] = [];
    const stop = store.subscribe(
      (e) => seen.push(`${e.type} ${e.previous?.spec ? JSON.stringify(e.previous.spec) : '-'}`),
      {
        resource: deployments,
      },
    );
    const d = store.create(deployments, deployment('web'));
    store.create(configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    store.update(deployments, { ...d, spec: { replicas: 2 } });
    stop();
    store.delete(deployments, 'default', 'web');
    expect(seen).toEqual(['ADDED -', 'MODIFIED {"replicas":1}']);
  });

  it('stores autoscaling/v1 and v2 HPAs together, converting between them', () => {
    const v1 = type('autoscaling', 'v1', 'horizontalpodautoscalers');
    const v2 = type('autoscaling', 'v2', 'horizontalpodautoscalers');
    store.create(v1, {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: 70 },
    });
    const asV2 = store.get(v2, 'default', 'web');
    expect(asV2.apiVersion).toBe('autoscaling/v2');
    expect((asV2.spec as { metrics: unknown[] }).metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
    ]);
    expect(store.get(v1, 'default', 'web').spec).toMatchObject({ targetCPUUtilizationPercentage: 70 });
  });
});
