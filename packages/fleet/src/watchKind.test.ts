import {
  type ClusterGateway,
  ConflictError,
  type KubeObject,
  ManualClock,
  NotFoundError,
  UpstreamError,
  type WatchEvent,
  type WatchOptions,
} from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { KindStore, type ModelChange } from './kindStore.js';
import { newestVersion, watchKind } from './watchKind.js';

const pod = (name: string, resourceVersion: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'todo', resourceVersion },
});

type WatchStep = (options: WatchOptions, emit: (e: WatchEvent) => void) => Promise<void>;

/** A gateway answering lists and watches from scripts, recording what it was asked. */
function scriptedGateway(lists: KubeObject[][], watches: WatchStep[]) {
  const calls: string[] = [];
  const gateway = {
    list: async () => {
      calls.push('list');
      const next = lists.shift();
      if (!next) throw new Error('no more lists');
      return next;
    },
    watch: async (_kind: string, options: WatchOptions, onEvent: (e: WatchEvent) => void) => {
      calls.push(`watch@${options.resourceVersion ?? 'now'}`);
      const step = watches.shift();
      if (!step) return new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve()));
      return step(options, onEvent);
    },
  } as unknown as ClusterGateway;
  return { gateway, calls };
}

function run(gateway: ClusterGateway, clock = new ManualClock()) {
  const controller = new AbortController();
  const changes: ModelChange[] = [];
  const errors: unknown[] = [];
  const store = new KindStore('Pod');
  const done = watchKind('Pod', {
    gateway,
    store,
    clock,
    signal: controller.signal,
    backoff: { initialMs: 1_000, maxMs: 4_000 },
    onChange: (c) => changes.push(c),
    onSynced: () => undefined,
    onError: (_k, e) => errors.push(e),
  });
  return { controller, changes, errors, store, done, clock };
}

describe('watchKind', () => {
  it('resumes a watch that ended from the last version it saw, replays causing no duplicate', async () => {
    const { gateway, calls } = scriptedGateway(
      [[pod('a', '10')]],
      [
        async (_o, emit) => emit({ type: 'ADDED', object: pod('b', '12') }),
        async (_o, emit) => emit({ type: 'ADDED', object: pod('b', '12') }),
      ],
    );
    const watch = run(gateway);
    await expect.poll(() => calls).toEqual(['list', 'watch@10', 'watch@12', 'watch@12']);
    expect(watch.changes.map((c) => c.object.metadata.name)).toEqual(['a', 'b']);
    watch.controller.abort();
    await watch.done;
  });

  it('re-lists on 410 Gone; a fresh list whose newest object is already too old watches from now', async () => {
    const gone = () => Promise.reject(new ConflictError('too old resource version', { hint: 'list again' }));
    const { gateway, calls } = scriptedGateway([[pod('a', '10')], [pod('a', '10'), pod('c', '11')]], [gone]);
    const watch = run(gateway);
    await expect.poll(() => calls).toEqual(['list', 'watch@10', 'list', 'watch@now']);
    expect(watch.changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED c']);
    watch.controller.abort();
    await watch.done;
  });

  it('backs off exponentially while the cluster cannot be reached', async () => {
    const down = () => Promise.reject(new UpstreamError('connect ECONNREFUSED', { source: 'kubernetes' }));
    const { gateway, calls } = scriptedGateway([[pod('a', '10')]], [down, down, down]);
    const watch = run(gateway);
    await expect.poll(() => calls.length).toBe(2);
    await watch.clock.advance(999);
    expect(calls.length).toBe(2);
    await watch.clock.advance(1);
    await expect.poll(() => calls.length).toBe(3);
    await watch.clock.advance(1_999);
    expect(calls.length).toBe(3);
    await watch.clock.advance(1);
    await expect.poll(() => calls).toEqual(['list', 'watch@10', 'watch@10', 'watch@10']);
    expect(watch.errors).toHaveLength(3);
    watch.controller.abort();
    await watch.done;
  });

  it('ends quietly for a kind the cluster does not serve', async () => {
    const gateway = {
      list: () => Promise.reject(new NotFoundError('no CustomResourceDefinition API', { hint: 'none' })),
    } as unknown as ClusterGateway;
    const unavailable: string[] = [];
    const controller = new AbortController();
    await watchKind('CustomResourceDefinition', {
      gateway,
      store: new KindStore('CustomResourceDefinition'),
      clock: new ManualClock(),
      signal: controller.signal,
      onChange: () => undefined,
      onSynced: () => undefined,
      onError: () => undefined,
      onUnavailable: (k) => unavailable.push(k),
    });
    expect(unavailable).toEqual(['CustomResourceDefinition']);
  });

  it('finds the newest version numerically', () => {
    expect(newestVersion([pod('a', '9'), pod('b', '10'), pod('c', 'x')])).toBe('10');
    expect(newestVersion([])).toBeUndefined();
  });
});
