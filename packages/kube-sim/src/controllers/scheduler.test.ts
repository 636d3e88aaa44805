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
        '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    });
  });

  it('counts untolerated taints apart from resource shortages, sorted as kube-scheduler prints them', () => {
    const controlPlane = node('cp', {
      metadata: { name: 'cp' },
      spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    });
    expect(schedulePod(pod('8'), [controlPlane, node('a'), node('b')], [])).toEqual({
      message:
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
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

  it('honours required node affinity, tolerated cordons and ignores finished pods', () => {
    const affinity = (terms: unknown[]) => ({
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
    });
    const pinned = pod('100m', affinity([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }]));
    expect(schedulePod(pinned, [node('a'), node('b')], [])).toEqual({ node: 'b' });
    const hdd = pod('100m', affinity([{ matchExpressions: [{ key: 'disk', operator: 'NotIn', values: ['ssd'] }] }]));
    expect(schedulePod(hdd, [node('a')], [])).toMatchObject({
      message: expect.stringContaining("1 node(s) didn't match Pod's node affinity/selector"),
    });
    const cordoned = node('c', { spec: { unschedulable: true } });
    const tolerant = pod('100m', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(schedulePod(tolerant, [cordoned], [])).toEqual({ node: 'c' });
    const finished: KubeObject = {
      ...pod('2'),
      metadata: { name: 'done', uid: 'u3' },
      spec: { ...pod('2').spec, nodeName: 'a' },
      status: { phase: 'Succeeded' },
    };
    expect(schedulePod(pod('1500m'), [node('a')], [finished])).toEqual({ node: 'a' });
  });

  it('keeps pods with missing or unbound immediate claims off every node', () => {
    const withClaim = (claimName: string) =>
      pod('100m', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] });
    const claim = (name: string, phase: string, storageClassName?: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name },
      spec: { storageClassName },
      status: { phase },
    });
    const classes: KubeObject[] = [
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'wait' },
        volumeBindingMode: 'WaitForFirstConsumer',
      },
    ];
    const volumes = {
      claims: [claim('bound', 'Bound', 'x'), claim('late', 'Pending', 'wait'), claim('stuck', 'Pending', 'gone')],
      classes,
    };
    const nodes = [node('a'), node('b')];
    expect(schedulePod(withClaim('bound'), nodes, [], volumes)).toHaveProperty('node');
    expect(schedulePod(withClaim('late'), nodes, [], volumes)).toHaveProperty('node');
    expect(schedulePod(withClaim('stuck'), nodes, [], volumes)).toEqual({
      message:
        '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    });
    expect(schedulePod(withClaim('nope'), nodes, [], volumes)).toMatchObject({
      message: expect.stringMatching(/^0\/2 nodes are available: persistentvolumeclaim "nope" not found\./),
    });
  });
});
