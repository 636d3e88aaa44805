import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { hpaMissingRequests } from './hpaMissingRequests.js';

describe('hpa-missing-requests', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(hpaMissingRequests, healthyCluster().objects)).toEqual([]);
  });

  it('reports target containers without a CPU request and proposes one', () => {
    const cluster = healthyCluster();
    const template = (
      cluster.find('Deployment', 'web').spec as { template: { spec: { containers: { resources?: unknown }[] } } }
    ).template;
    template.spec.containers[0]!.resources = { limits: { memory: '256Mi' } };
    const [finding] = analyzeWith(hpaMissingRequests, cluster.objects);
    expect(finding?.message).toBe(
      'HorizontalPodAutoscaler shop/web scales on cpu utilization, but container web of Deployment web set no cpu request, so it cannot compute utilization',
    );
    expect(finding?.proposedFix?.patch?.body).toEqual({
      spec: { template: { spec: { containers: [{ name: 'web', resources: { requests: { cpu: '100m' } } }] } } },
    });
  });

  it('checks memory when the HPA scales on memory utilization', () => {
    const cluster = healthyCluster();
    const hpa = cluster.find('HorizontalPodAutoscaler', 'web');
    (hpa.spec as { metrics: unknown[] }).metrics = [
      { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
    ];
    const template = (
      cluster.find('Deployment', 'web').spec as { template: { spec: { containers: { resources?: unknown }[] } } }
    ).template;
    template.spec.containers[0]!.resources = { requests: { cpu: '100m' } };
    expect(analyzeWith(hpaMissingRequests, cluster.objects).map((f) => f.id)).toEqual([
      'hpa-missing-requests:horizontalpodautoscaler/shop/web:memory',
    ]);
  });
});
