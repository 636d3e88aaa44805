import { describe, expect, it } from 'vitest';
import { ArchitectureSnapshot, NewArchitectureSnapshot } from './architectureSnapshot.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const snapshot = { cluster_id: id, summary: { nodes: 3, workloads: 12 } };

describe('ArchitectureSnapshot', () => {
  it('zeroes missing counts and defaults an empty diagram', () => {
    expect(NewArchitectureSnapshot.parse(snapshot)).toEqual({
      cluster_id: id,
      summary: { namespaces: 0, nodes: 3, workloads: 12, pods: 0, services: 0, ingresses: 0 },
      resources: [],
      mermaid: '',
    });
  });

  it('needs a cluster and whole, non-negative counts', () => {
    expect(NewArchitectureSnapshot.safeParse({ summary: {} }).success).toBe(false);
    expect(NewArchitectureSnapshot.safeParse({ ...snapshot, summary: { pods: -1 } }).success).toBe(false);
    expect(NewArchitectureSnapshot.safeParse({ ...snapshot, summary: { pods: 1.5 } }).success).toBe(false);
  });

  it('lists the objects drawn as typed references', () => {
    const resources = [
      { kind: 'Deployment', namespace: 'todo', name: 'backend' },
      { kind: 'Node', name: 'worker-1' },
    ];
    expect(NewArchitectureSnapshot.parse({ ...snapshot, resources }).resources).toEqual(resources);
    expect(NewArchitectureSnapshot.safeParse({ ...snapshot, resources: ['todo/backend'] }).success).toBe(false);
  });

  it('needs taken_at once stored', () => {
    expect(ArchitectureSnapshot.safeParse({ ...snapshot, id }).success).toBe(false);
    expect(ArchitectureSnapshot.safeParse({ ...snapshot, id, taken_at: '2026-01-01T00:00:00Z' }).success).toBe(true);
  });
});
