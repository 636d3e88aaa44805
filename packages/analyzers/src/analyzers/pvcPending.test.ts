import { describe, expect, it } from 'vitest';
import { analyzeWith, event } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { pvcPending } from './pvcPending.js';

function pendingClaim(reason?: string, message = 'failed to provision volume') {
  const cluster = healthyCluster();
  const pvc = cluster.find('PersistentVolumeClaim', 'data-db-0');
  pvc.status = { phase: 'Pending' };
  if (reason) cluster.add(event(pvc, reason === 'WaitForFirstConsumer' ? 'Normal' : 'Warning', reason, message));
  return cluster;
}

describe('pvc-pending', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(pvcPending, healthyCluster().objects)).toEqual([]);
  });

  it('reports a pending claim with the provisioner event', () => {
    const [finding] = analyzeWith(pvcPending, pendingClaim('ProvisioningFailed').objects);
    expect(finding?.message).toBe('PersistentVolumeClaim shop/data-db-0 is Pending: failed to provision volume');
    expect(finding?.evidence.at(-1)?.kind).toBe('event');
  });

  it('ignores claims waiting for their first consumer and missing storage classes', () => {
    expect(analyzeWith(pvcPending, pendingClaim('WaitForFirstConsumer', 'waiting for first consumer').objects)).toEqual(
      [],
    );
    const cluster = pendingClaim();
    (cluster.find('PersistentVolumeClaim', 'data-db-0').spec as Record<string, unknown>).storageClassName = 'fast';
    expect(analyzeWith(pvcPending, cluster.objects)).toEqual([]);
  });
});
