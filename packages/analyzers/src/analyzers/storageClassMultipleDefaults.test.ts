import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { storageClassMultipleDefaults } from './storageClassMultipleDefaults.js';

const DEFAULT = { 'storageclass.kubernetes.io/is-default-class': 'true' };

describe('storageclass-multiple-defaults', () => {
  it('reports nothing on a healthy cluster, nor with one default', () => {
    expect(analyzeWith(storageClassMultipleDefaults, healthyCluster().objects)).toEqual([]);
    const one = healthyCluster();
    one.find('StorageClass', 'standard').metadata.annotations = DEFAULT;
    expect(analyzeWith(storageClassMultipleDefaults, one.objects)).toEqual([]);
  });

  it('reports two default classes once, keeping the oldest', () => {
    const cluster = healthyCluster();
    cluster.find('StorageClass', 'standard').metadata.annotations = DEFAULT;
    const gp3 = obj('storage.k8s.io/v1', 'StorageClass', 'gp3', undefined, {
      annotations: DEFAULT,
      provisioner: 'ebs.csi.aws.com',
    });
    gp3.metadata.creationTimestamp = '2026-01-01T11:30:00Z';
    cluster.add(gp3);
    const findings = analyzeWith(storageClassMultipleDefaults, cluster.objects);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^2 StorageClasses are marked default \(standard, gp3\)/);
    expect(findings[0]?.proposedFix?.command).toBe(
      `kubectl patch storageclass gp3 --type merge -p '{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"false"}}}'`,
    );
  });
});
