import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './jsonPatch.js';
import { applyMergePatch } from './mergePatch.js';
import { applyStrategicMergePatch } from './strategicMergePatch.js';

const deployment = {
  metadata: { name: 'backend', labels: { app: 'backend' } },
  spec: {
    replicas: 1,
    template: {
      spec: {
        containers: [
          {
            name: 'api',
            image: 'todo/backend:1.0',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
            ports: [{ containerPort: 8000 }],
          },
          { name: 'sidecar', image: 'envoy:1.30' },
        ],
      },
    },
  },
};

describe('merge patch', () => {
  it('merges objects, deletes on null and replaces lists', () => {
    const out = applyMergePatch(deployment, {
      metadata: { labels: { app: null, tier: 'api' } },
      spec: { replicas: 3 },
    }) as typeof deployment;
    expect(out.metadata.labels).toEqual({ tier: 'api' });
    expect(out.spec.replicas).toBe(3);
    expect(deployment.spec.replicas).toBe(1);
  });
});

describe('JSON patch', () => {
  it('applies add, replace, remove, move, copy and test with escapes', () => {
    const out = applyJsonPatch({ a: { 'x/y': 1 }, list: [1, 2] }, [
      { op: 'test', path: '/a/x~1y', value: 1 },
      { op: 'add', path: '/list/-', value: 3 },
      { op: 'replace', path: '/list/0', value: 0 },
      { op: 'copy', from: '/list', path: '/copy' },
      { op: 'move', from: '/a/x~1y', path: '/moved' },
      { op: 'remove', path: '/list/1' },
    ]);
    expect(out).toEqual({ a: {}, list: [0, 3], copy: [0, 2, 3], moved: 1 });
  });

  it('fails a test or a missing path with 422', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toThrow(/testing value/);
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toThrow(/does not exist/);
  });
});

describe('strategic merge patch', () => {
  it('sets an image the way kubectl set image does, keeping the other container', () => {
    const out = applyStrategicMergePatch(
      deployment,
      { spec: { template: { spec: { containers: [{ name: 'api', image: 'todo/backend:1.1' }] } } } },
      true,
    ) as typeof deployment;
    const containers = out.spec.template.spec.containers;
    expect(containers.map((c) => c.image)).toEqual(['todo/backend:1.1', 'envoy:1.30']);
    expect(containers[0]!.env).toHaveLength(2);
  });

  it('merges env by name, deletes with $patch and honours $setElementOrder', () => {
    const patch = {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'api',
                env: [
                  { name: 'B', $patch: 'delete' },
                  { name: 'C', value: '3' },
                ],
                '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }],
              },
            ],
            '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'api' }],
          },
        },
      },
    };
    const out = applyStrategicMergePatch(deployment, patch, true) as typeof deployment;
    const containers = out.spec.template.spec.containers;
    expect(containers.map((c) => c.name)).toEqual(['sidecar', 'api']);
    expect(containers[1]!.env!.map((e) => e.name)).toEqual(['C', 'A']);
  });

  it('adds a restart annotation to the pod template and merges finalizers as a set', () => {
    const patch = {
      metadata: { finalizers: ['b'] },
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': 'now' } } } },
    };
    const out = applyStrategicMergePatch(
      { ...deployment, metadata: { ...deployment.metadata, finalizers: ['a'] } },
      patch,
      true,
    ) as {
      metadata: { finalizers: string[] };
      spec: { template: { metadata: { annotations: Record<string, string> } } };
    };
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
    expect(out.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('now');
  });

  it('refuses custom resources with 415', () => {
    expect(() => applyStrategicMergePatch({}, {}, false)).toThrow(/not supported for custom resources/);
  });
});
