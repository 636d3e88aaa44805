import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { pdbNoDisruption } from './pdbNoDisruption.js';

describe('pdb-no-disruption', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(pdbNoDisruption, healthyCluster().objects)).toEqual([]);
  });

  it('reports a budget as strict as the replica count, proposing maxUnavailable 1', () => {
    const cluster = healthyCluster();
    const pdb = cluster.find('PodDisruptionBudget', 'web');
    (pdb.spec as Record<string, unknown>).minAvailable = 2;
    pdb.status = { currentHealthy: 2, desiredHealthy: 2, disruptionsAllowed: 0, expectedPods: 2 };
    const [finding] = analyzeWith(pdbNoDisruption, cluster.objects);
    expect(finding?.message).toBe(
      'PodDisruptionBudget shop/web allows no disruption (minAvailable 2 with 2 pods): node drains will hang',
    );
    expect(finding?.proposedFix?.patch).toEqual({
      type: 'merge',
      body: { spec: { minAvailable: null, maxUnavailable: 1 } },
    });
  });

  it('says when unhealthy pods are the reason', () => {
    const cluster = healthyCluster();
    cluster.find('PodDisruptionBudget', 'web').status = {
      currentHealthy: 0,
      desiredHealthy: 1,
      disruptionsAllowed: 0,
      expectedPods: 2,
    };
    expect(analyzeWith(pdbNoDisruption, cluster.objects)[0]?.message).toContain(
      'only 0 of the 1 required pods are healthy',
    );
  });

  it('reports a budget selecting no pod', () => {
    const cluster = healthyCluster();
    (cluster.find('PodDisruptionBudget', 'web').spec as Record<string, unknown>).selector = {
      matchLabels: { app: 'gone' },
    };
    expect(analyzeWith(pdbNoDisruption, cluster.objects)[0]?.id).toBe(
      'pdb-no-disruption:poddisruptionbudget/shop/web:no-pods',
    );
  });
});
