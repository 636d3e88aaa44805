import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { nodeNotReady } from './nodeNotReady.js';

describe('node-not-ready', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(nodeNotReady, healthyCluster().objects)).toEqual([]);
  });

  it('reports a node whose kubelet stopped posting status', () => {
    const cluster = healthyCluster();
    const node = cluster.find('Node', 'worker-1');
    (node.status as { conditions: unknown[] }).conditions = [
      {
        type: 'Ready',
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      },
    ];
    const [finding] = analyzeWith(nodeNotReady, cluster.objects);
    expect(finding).toMatchObject({
      severity: 'CRITICAL',
      message: 'Node worker-1 is not Ready (Unknown, NodeStatusUnknown): Kubelet stopped posting node status.',
    });
    expect(finding?.evidence[0]?.detail).toBe('Ready=Unknown NodeStatusUnknown: Kubelet stopped posting node status.');
  });
});
