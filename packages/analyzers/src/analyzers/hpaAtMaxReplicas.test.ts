import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { hpaAtMaxReplicas } from './hpaAtMaxReplicas.js';

describe('hpa-at-max-replicas', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(hpaAtMaxReplicas, healthyCluster().objects)).toEqual([]);
  });

  it('reports an HPA pinned at maxReplicas and proposes a higher ceiling', () => {
    const cluster = healthyCluster();
    cluster.find('HorizontalPodAutoscaler', 'web').status = { currentReplicas: 5, desiredReplicas: 5 };
    const [finding] = analyzeWith(hpaAtMaxReplicas, cluster.objects);
    expect(finding?.message).toBe(
      'HorizontalPodAutoscaler shop/web is pinned at its maximum of 5 replicas and cannot add capacity',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { maxReplicas: 8 } } });
  });

  it('reports ScalingLimited TooManyReplicas', () => {
    const cluster = healthyCluster();
    cluster.find('HorizontalPodAutoscaler', 'web').status = {
      currentReplicas: 4,
      desiredReplicas: 4,
      conditions: [
        {
          type: 'ScalingLimited',
          status: 'True',
          reason: 'TooManyReplicas',
          message: 'the desired replica count is more than the maximum replica count',
        },
      ],
    };
    expect(analyzeWith(hpaAtMaxReplicas, cluster.objects)[0]?.evidence[1]?.kind).toBe('condition');
  });
});
