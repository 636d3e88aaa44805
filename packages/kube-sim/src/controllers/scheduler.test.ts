import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { schedulePod } from './scheduler.js';

const node = (name: string, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { disk: 'ssd' } },
  spec: {},
  status: { allocatable: { cpu: '2', memory: '4Gi' } },
  ...extra,
});
const pod = (cpu: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', uid: 'u1' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu, memory: '1Gi' } } }], ...spec },
});

describe('schedulePod', () => {
  it('places a pod on the least loaded node that fits', () => {
    const busy: KubeObject = {
      ...pod('1'),
      metadata: { name: 'other', uid: 'u2' },
      spec: { ...pod('1').spec, nodeName: 'a' },
    };
    expect(schedulePod(pod('500m'), [node('a'), node('b')], [busy])).toEqual({ node: 'b' });
  });

  it('explains insufficient CPU with the scheduler message', () => {
    const result = schedulePod(pod('8'), [node('a'), node('b')], []);
    expect(result).toEqual({
      message:
        '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    });
  });

  it('honours nodeSelector, taints and cordoned nodes', () => {
    const tainted = node('t', {
      metadata: { name: 't', labels: { disk: 'hdd' } },
      spec: { taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }] },
    });
    const cordoned = node('c', { spec: { unschedulable: true } });
    const result = schedulePod(pod('100m', { nodeSelector: { disk: 'hdd' } }), [node('a'), tainted, cordoned], []);
    expect('message' in result && result.message).toContain("1 node(s) didn't match Pod's node affinity/selector");
    expect('message' in result && result.message).toContain('1 node(s) had untolerated taint {gpu: true}');
    expect('message' in result && result.message).toContain('1 node(s) were unschedulable');
    expect(
      schedulePod(
        pod('100m', { nodeSelector: { disk: 'hdd' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] }),
        [tainted],
        [],
      ),
    ).toEqual({ node: 't' });
  });
});
