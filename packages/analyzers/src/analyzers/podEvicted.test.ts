import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podEvicted } from './podEvicted.js';

describe('pod-evicted', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(podEvicted, healthyCluster().objects)).toEqual([]);
  });

  it('reports an evicted pod with the kubelet message and a clean-up command', () => {
    const cluster = healthyCluster();
    const pod = cluster.find('Pod', 'web-5d8f7-abcde');
    pod.status = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    const [finding] = analyzeWith(podEvicted, cluster.objects);
    expect(finding?.message).toBe(
      'Pod shop/web-5d8f7-abcde was evicted from node worker-1: The node was low on resource: memory.',
    );
    expect(finding?.proposedFix?.command).toBe('kubectl delete pod -n shop web-5d8f7-abcde');
    expect(finding?.sensitive).toContain('worker-1');
  });
});
