import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { hpaScalingInactive } from './hpaScalingInactive.js';

describe('hpa-scaling-inactive', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(hpaScalingInactive, healthyCluster().objects)).toEqual([]);
  });

  it('reports an autoscaler without metrics, with its reason and what to check', () => {
    const cluster = healthyCluster();
    (cluster.find('HorizontalPodAutoscaler', 'web').status as Record<string, unknown>).conditions = [
      { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale' },
      {
        type: 'ScalingActive',
        status: 'False',
        reason: 'FailedGetResourceMetric',
        message:
          'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      },
    ];
    const [finding] = analyzeWith(hpaScalingInactive, cluster.objects);
    expect(finding?.message).toMatch(
      /^HorizontalPodAutoscaler shop\/web is not scaling \(ScalingActive=False, FailedGetResourceMetric\): the HPA was unable/,
    );
    expect(finding?.proposedFix?.description).toMatch(/metrics-server/);
  });
});
