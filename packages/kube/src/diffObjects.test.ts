import type { KubeObject } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { diffObjects } from './diffObjects.js';

const live: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'backend',
    namespace: 'todo',
    uid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    resourceVersion: '42',
    generation: 3,
    creationTimestamp: '2026-01-01T00:00:00Z',
    labels: { app: 'backend' },
    managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
  },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'backend', image: 'todo/backend:1.0' }] } } },
  status: { replicas: 2, availableReplicas: 2 },
};

describe('diffObjects', () => {
  it('shows a changed field as a unified diff of YAML, without status and server metadata', () => {
    const proposed = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '43', generation: 4 },
      spec: { ...(live.spec as object), replicas: 3 },
      status: { replicas: 3 },
    } as KubeObject;
    const diff = diffObjects(live, proposed);
    expect(diff.startsWith('--- live/apps.v1.Deployment.todo.backend')).toBe(true);
    expect(diff).toContain('+++ proposed/apps.v1.Deployment.todo.backend');
    expect(diff).toContain('-  replicas: 2\n+  replicas: 3\n');
    expect(diff.match(/^[-+] /gm)).toHaveLength(2);
    for (const hidden of [
      'resourceVersion',
      'uid',
      'managedFields',
      'creationTimestamp',
      'generation',
      'status:',
      'availableReplicas',
    ]) {
      expect(diff).not.toContain(hidden);
    }
  });

  it('shows a new object as all additions', () => {
    const diff = diffObjects(undefined, live);
    const added = diff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(added[0]).toBe('+apiVersion: apps/v1');
    expect(added.slice(-3)).toEqual([
      '+      containers:',
      '+      - name: backend',
      '+        image: todo/backend:1.0',
    ]);
    expect(diff.split('\n').some((l) => l.startsWith('-') && !l.startsWith('---'))).toBe(false);
  });

  it('is empty when only server-owned fields differ', () => {
    const refreshed = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '99' },
      status: { replicas: 0 },
    } as KubeObject;
    expect(diffObjects(live, refreshed)).toBe('');
  });
});
