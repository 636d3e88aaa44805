import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { hpaScaleTargetMissing } from './hpaScaleTargetMissing.js';

describe('hpa-scale-target-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(hpaScaleTargetMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a scale target that does not exist', () => {
    const cluster = healthyCluster();
    (cluster.find('HorizontalPodAutoscaler', 'web').spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name =
      'webapp';
    const [finding] = analyzeWith(hpaScaleTargetMissing, cluster.objects);
    expect(finding?.message).toBe('HorizontalPodAutoscaler shop/web scales Deployment webapp, which does not exist');
    expect(finding?.sensitive).toContain('webapp');
  });

  it('reports AbleToScale=False', () => {
    const cluster = healthyCluster();
    (cluster.find('HorizontalPodAutoscaler', 'web').status as Record<string, unknown>).conditions = [
      {
        type: 'AbleToScale',
        status: 'False',
        reason: 'FailedGetScale',
        message: 'the HPA controller was unable to get the target’s current scale',
      },
    ];
    expect(analyzeWith(hpaScaleTargetMissing, cluster.objects)[0]?.message).toContain('cannot scale Deployment web');
  });
});
