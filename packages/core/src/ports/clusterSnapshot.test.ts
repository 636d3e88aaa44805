import { describe, expect, it } from 'vitest';
import { ClusterSnapshot, objectsOf } from './clusterSnapshot.js';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'todo' }, status: {} };

describe('ClusterSnapshot', () => {
  it('reads a saved snapshot back, defaulting errors and keeping unknown object fields', () => {
    const snapshot = ClusterSnapshot.parse({
      cluster: 'demo',
      takenAt: '2026-01-01T00:00:00Z',
      objects: { Pod: [{ ...pod, extra: 1 }] },
    });
    expect(snapshot.errors).toEqual([]);
    expect(objectsOf(snapshot, 'Pod')[0]?.extra).toBe(1);
    expect(objectsOf(snapshot, 'Deployment')).toEqual([]);
  });

  it('refuses a snapshot with a malformed object or timestamp', () => {
    const base = { cluster: 'demo', takenAt: '2026-01-01T00:00:00Z', objects: {} };
    expect(ClusterSnapshot.safeParse({ ...base, objects: { Pod: [{ kind: 'Pod' }] } }).success).toBe(false);
    expect(ClusterSnapshot.safeParse({ ...base, takenAt: 'yesterday' }).success).toBe(false);
  });
});
