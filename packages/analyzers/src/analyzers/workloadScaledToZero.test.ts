import { describe, expect, it } from 'vitest';
import { analyzeWith, pod } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { serviceSelectorNoMatch } from './serviceSelectorNoMatch.js';
import { workloadScaledToZero } from './workloadScaledToZero.js';

/** Deployment web scaled to 0 (its pods gone), next to a pod labelled app=wen one typo away from the selector. */
function scaledDown() {
  const cluster = healthyCluster().remove('Pod', 'web-5d8f7-abcde').remove('Pod', 'web-5d8f7-fghij');
  const web = cluster.find('Deployment', 'web');
  (web.spec as { replicas: number }).replicas = 0;
  web.metadata.annotations = {
    'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ spec: { replicas: 3 } }),
  };
  web.status = { observedGeneration: 2, replicas: 0 };
  cluster.add(pod('wen-0', 'shop', { containers: [{ name: 'wen', image: 'wen:1' }] }, { labels: { app: 'wen' } }));
  return cluster;
}

describe('workload-scaled-to-zero', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(workloadScaledToZero, healthyCluster().objects)).toEqual([]);
  });

  it('reports a Deployment at 0 replicas behind a Service, with the scale-up as the fix, not a selector typo', () => {
    const cluster = scaledDown();
    const [finding, ...rest] = analyzeWith(workloadScaledToZero, cluster.objects);
    expect(rest).toEqual([]);
    expect(finding?.resource).toMatchObject({ kind: 'Deployment', name: 'web' });
    expect(finding?.message).toBe(
      'Deployment shop/web is scaled to 0 replicas, so Service web (selector app=web, which its pods carry) has no endpoints',
    );
    expect(finding?.proposedFix).toMatchObject({
      patch: { type: 'merge', body: { spec: { replicas: 3 } } },
      command: 'kubectl scale deployment/web -n shop --replicas=3',
    });
    expect(analyzeWith(serviceSelectorNoMatch, cluster.objects)).toEqual([]);
  });

  it('says nothing when the workload asks for replicas (its own findings explain the missing pods)', () => {
    const cluster = scaledDown();
    (cluster.find('Deployment', 'web').spec as { replicas: number }).replicas = 2;
    expect(analyzeWith(workloadScaledToZero, cluster.objects)).toEqual([]);
  });
});
