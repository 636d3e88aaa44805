import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { nodeUnschedulable } from './nodeUnschedulable.js';

describe('node-unschedulable', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(nodeUnschedulable, healthyCluster().objects)).toEqual([]);
  });

  it('reports a cordoned node with uncordon as fix', () => {
    const cluster = healthyCluster();
    cluster.find('Node', 'worker-1').spec = { unschedulable: true };
    const [finding] = analyzeWith(nodeUnschedulable, cluster.objects);
    expect(finding?.message).toBe('Node worker-1 is cordoned: no new pods are scheduled on it');
    expect(finding?.proposedFix?.command).toBe('kubectl uncordon worker-1');
  });
});
