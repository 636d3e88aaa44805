import { describe, expect, it } from 'vitest';
import { formatRef, KubeObject, refOf } from './kubeObject.js';

describe('KubeObject', () => {
  it('keeps unknown fields and formats references', () => {
    const obj = KubeObject.parse({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'backend', namespace: 'todo', managedFields: [] },
      spec: { replicas: 3 },
      extra: true,
    });
    expect(obj.extra).toBe(true);
    expect(obj.metadata.managedFields).toEqual([]);
    expect(formatRef(refOf(obj))).toBe('deployment/todo/backend');
    expect(formatRef({ kind: 'Node', name: 'worker-1' })).toBe('node/worker-1');
  });

  it('refuses an object without kind or name', () => {
    expect(KubeObject.safeParse({ apiVersion: 'v1', metadata: { name: 'x' } }).success).toBe(false);
    expect(KubeObject.safeParse({ apiVersion: 'v1', kind: 'Pod', metadata: {} }).success).toBe(false);
  });
});
