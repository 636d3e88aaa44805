import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { pvUnavailable } from './pvUnavailable.js';

const pv = (name: string, phase: string, message?: string) =>
  obj('v1', 'PersistentVolume', name, undefined, {
    spec: {
      capacity: { storage: '10Gi' },
      persistentVolumeReclaimPolicy: 'Retain',
      claimRef: { namespace: 'shop', name: 'data-old-0' },
    },
    status: { phase, ...(message ? { message } : {}) },
  });

describe('pv-unavailable', () => {
  it('reports nothing on a healthy cluster, nor on Bound and Available volumes', () => {
    expect(analyzeWith(pvUnavailable, healthyCluster().add(pv('a', 'Bound'), pv('b', 'Available')).objects)).toEqual(
      [],
    );
  });

  it('reports a Released and a Failed volume', () => {
    const findings = analyzeWith(
      pvUnavailable,
      healthyCluster().add(pv('pv-1', 'Released'), pv('pv-2', 'Failed', 'host_path deleter only supports /tmp/.+'))
        .objects,
    );
    expect(findings.map((f) => f.message)).toEqual([
      'PersistentVolume pv-1 (10Gi) is Released: shop/data-old-0 was deleted and with reclaimPolicy Retain its data stays, but no claim can bind it',
      'PersistentVolume pv-2 is Failed: reclaiming it after shop/data-old-0 was deleted failed (host_path deleter only supports /tmp/.+)',
    ]);
    expect(findings[0]?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { claimRef: null } } });
  });
});
