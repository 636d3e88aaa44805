import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { rbacSubjectMissing } from './rbacSubjectMissing.js';

describe('rbac-subject-missing', () => {
  it('reports nothing on a healthy cluster (User subjects are not checked)', () => {
    expect(analyzeWith(rbacSubjectMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports bindings to a ServiceAccount that does not exist', () => {
    const cluster = healthyCluster().remove('ServiceAccount', 'web');
    const findings = analyzeWith(rbacSubjectMissing, cluster.objects);
    expect(findings.map((f) => f.id)).toEqual([
      'rbac-subject-missing:rolebinding/shop/web-reader:shop/web',
      'rbac-subject-missing:clusterrolebinding/web-view:shop/web',
    ]);
    expect(findings[0]?.proposedFix?.command).toBe('kubectl create serviceaccount web -n shop');
  });
});
