import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { cpuShares } from './cpuContention.js';
import type { ContainerUsage } from './usageModel.js';

const pod = (name: string, requestCpu: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'todo' },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu: requestCpu } } }] },
  }) as KubeObject;
const using = (cpuMillicores: number) => [{ cpuMillicores } as ContainerUsage];

describe('cpuShares', () => {
  it('gives every pod its demand while the node has room', () => {
    const shares = cpuShares([{ pod: pod('a', '100m'), usage: using(300) }], 3800);
    expect(shares.get('todo/a')).toEqual({ demand: 300, granted: 300, throttledRatio: 0 });
  });

  it('splits an over-committed node by requests: a hog slows its neighbour, a small pod keeps its demand', () => {
    const shares = cpuShares(
      [
        { pod: pod('miner', '500m'), usage: using(6000) },
        { pod: pod('backend', '500m'), usage: using(2500) },
        { pod: pod('sidecar', '100m'), usage: using(50) },
      ],
      3800,
    );
    expect(shares.get('todo/sidecar')).toEqual({ demand: 50, granted: 50, throttledRatio: 0 });
    // 3750m left, split evenly between two equal requests.
    expect(shares.get('todo/backend')?.granted).toBe(1875);
    expect(shares.get('todo/backend')?.throttledRatio).toBeCloseTo(0.25);
    expect(shares.get('todo/miner')?.granted).toBe(1875);
  });
});
