import { describe, expect, it } from 'vitest';
import { analyzeWith, pod } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { podSchedulingGated } from './podSchedulingGated.js';

function gated(created: string) {
  const p = pod('trainer-0', 'shop', {
    containers: [{ name: 'train', image: 'trainer:2' }],
    schedulingGates: [{ name: 'kueue.x-k8s.io/admission' }],
  });
  delete (p.spec as { nodeName?: string }).nodeName;
  p.metadata.creationTimestamp = created;
  p.status = {
    phase: 'Pending',
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'SchedulingGated',
        message: 'Scheduling is blocked due to non-empty scheduling gates',
      },
    ],
  };
  return p;
}

describe('pod-scheduling-gated', () => {
  it('reports nothing on a healthy cluster, nor on a pod gated for a moment', () => {
    expect(analyzeWith(podSchedulingGated, healthyCluster().objects)).toEqual([]);
    expect(analyzeWith(podSchedulingGated, healthyCluster().add(gated('2026-01-01T11:59:00Z')).objects)).toEqual([]);
  });

  it('reports a pod whose gate nobody removes', () => {
    const [finding] = analyzeWith(podSchedulingGated, healthyCluster().add(gated('2026-01-01T11:00:00Z')).objects);
    expect(finding?.message).toBe(
      'Pod shop/trainer-0 is not scheduled: scheduling gate kueue.x-k8s.io/admission has not been removed since it was created',
    );
  });
});
