import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { pvcLost } from './pvcLost.js';

describe('pvc-lost', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(pvcLost, healthyCluster().objects)).toEqual([]);
  });

  it('reports a claim whose volume is gone', () => {
    const cluster = healthyCluster();
    const pvc = cluster.find('PersistentVolumeClaim', 'data-db-0');
    (pvc.spec as Record<string, unknown>).volumeName = 'pvc-1234';
    pvc.status = { phase: 'Lost' };
    const [finding] = analyzeWith(pvcLost, cluster.objects);
    expect(finding?.message).toBe(
      'PersistentVolumeClaim shop/data-db-0 is Lost: its volume pvc-1234 no longer exists; pods using it cannot start',
    );
  });
});
