import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { isExtendedResource, podExtendedRequests } from './extendedResources.js';
import { schedulePod } from './scheduler.js';

const pod = (spec: Record<string, unknown>, name = 'p'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ml', uid: name }, spec }) as KubeObject;
const node = (name: string, gpus?: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: {},
    status: { allocatable: { cpu: '8', memory: '32Gi', ...(gpus ? { 'nvidia.com/gpu': gpus } : {}) } },
  }) as KubeObject;
const gpus = (n: number, name = 'c') => ({ name, image: 'x', resources: { limits: { 'nvidia.com/gpu': n } } });

describe('extended resources', () => {
  it('knows extended resource names from native ones', () => {
    expect(isExtendedResource('nvidia.com/gpu')).toBe(true);
    expect(isExtendedResource('example.com/dongle')).toBe(true);
    expect(isExtendedResource('cpu')).toBe(false);
    expect(isExtendedResource('kubernetes.io/batch-cpu')).toBe(false);
  });

  it('sums containers and takes the largest init container', () => {
    const p = pod({ containers: [gpus(2, 'a'), gpus(1, 'b')], initContainers: [gpus(4, 'init')] });
    expect(podExtendedRequests(p).get('nvidia.com/gpu')).toBe(4);
    expect(podExtendedRequests(pod({ containers: [gpus(2, 'a'), gpus(1, 'b')] })).get('nvidia.com/gpu')).toBe(3);
  });

  it('schedules onto the node with free GPUs and explains when none has enough', () => {
    const nodes = [node('cpu-1'), node('gpu-1', '2')];
    const taken = { ...pod({ nodeName: 'gpu-1', containers: [gpus(1)] }, 'taken') };
    expect(schedulePod(pod({ containers: [gpus(1)] }), nodes, [taken])).toEqual({ node: 'gpu-1' });
    const result = schedulePod(pod({ containers: [gpus(2)] }), nodes, [taken]);
    expect(result).toEqual({
      message:
        '0/2 nodes are available: 2 Insufficient nvidia.com/gpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    });
  });
});
