import { describe, expect, it } from 'vitest';
import { ResourceRef } from './resourceRef.js';

describe('ResourceRef', () => {
  it('accepts namespaced and cluster-scoped objects', () => {
    expect(ResourceRef.safeParse({ kind: 'Deployment', namespace: 'todo', name: 'backend' }).success).toBe(true);
    expect(ResourceRef.safeParse({ kind: 'Node', name: 'worker-1' }).success).toBe(true);
  });

  it('refuses empty kind, name or namespace', () => {
    expect(ResourceRef.safeParse({ kind: '', name: 'x' }).success).toBe(false);
    expect(ResourceRef.safeParse({ kind: 'Pod', name: '' }).success).toBe(false);
    expect(ResourceRef.safeParse({ kind: 'Pod', namespace: '', name: 'x' }).success).toBe(false);
  });
});
