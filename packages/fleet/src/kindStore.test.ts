import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { KindStore } from './kindStore.js';

const pod = (name: string, resourceVersion: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'todo', resourceVersion },
});

describe('KindStore', () => {
  it('reports a version it already holds as no change, so a replayed event is never a duplicate', () => {
    const store = new KindStore('Pod');
    expect(store.apply({ type: 'ADDED', object: pod('a', '5') })?.type).toBe('ADDED');
    expect(store.apply({ type: 'ADDED', object: pod('a', '5') })).toBeUndefined();
    expect(store.apply({ type: 'MODIFIED', object: pod('a', '6') })?.type).toBe('MODIFIED');
    expect(store.apply({ type: 'DELETED', object: pod('a', '7') })?.type).toBe('DELETED');
    expect(store.apply({ type: 'DELETED', object: pod('a', '7') })).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most `limit` objects, dropping the least recently changed', () => {
    const store = new KindStore('Event', 2);
    store.apply({ type: 'ADDED', object: pod('a', '1') });
    store.apply({ type: 'ADDED', object: pod('b', '2') });
    store.apply({ type: 'MODIFIED', object: pod('a', '3') });
    store.apply({ type: 'ADDED', object: pod('c', '4') });
    expect(store.list().map((o) => o.metadata.name)).toEqual(['a', 'c']);
  });

  it('turns a re-list into the changes it makes and drops managedFields', () => {
    const store = new KindStore('Pod');
    store.apply({ type: 'ADDED', object: pod('gone', '1') });
    store.apply({ type: 'ADDED', object: pod('same', '2') });
    const fresh = { ...pod('new', '9'), metadata: { ...pod('new', '9').metadata, managedFields: [{}] } };
    const changes = store.replace([pod('same', '2'), fresh]);
    expect(changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual(['ADDED new', 'DELETED gone']);
    expect(store.list().find((o) => o.metadata.name === 'new')?.metadata).not.toHaveProperty('managedFields');
  });
});
