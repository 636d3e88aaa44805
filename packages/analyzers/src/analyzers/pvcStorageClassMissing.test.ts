import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { pvcStorageClassMissing } from './pvcStorageClassMissing.js';

function claimWith(storageClassName?: string) {
  const cluster = healthyCluster();
  const pvc = cluster.find('PersistentVolumeClaim', 'data-db-0');
  pvc.status = { phase: 'Pending' };
  const spec = pvc.spec as Record<string, unknown>;
  if (storageClassName === undefined) delete spec.storageClassName;
  else spec.storageClassName = storageClassName;
  return cluster;
}

describe('pvc-storage-class-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(pvcStorageClassMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a StorageClass that does not exist and proposes recreating the claim with an existing one', () => {
    const [finding] = analyzeWith(pvcStorageClassMissing, claimWith('fast-ssd').objects);
    expect(finding?.message).toBe(
      'PersistentVolumeClaim shop/data-db-0 uses StorageClass "fast-ssd", which does not exist, so it can never be provisioned',
    );
    expect(finding?.proposedFix?.command).toContain('"storageClassName": "standard"');
  });

  it('reports a claim without class when the cluster has no StorageClass', () => {
    const cluster = claimWith().remove('StorageClass', 'standard');
    expect(analyzeWith(pvcStorageClassMissing, cluster.objects)[0]?.message).toContain(
      'names no StorageClass and the cluster has none',
    );
  });
});
