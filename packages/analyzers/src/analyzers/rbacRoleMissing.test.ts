import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { rbacRoleMissing } from './rbacRoleMissing.js';

describe('rbac-role-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(rbacRoleMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a RoleBinding to a missing Role', () => {
    const cluster = healthyCluster().remove('Role', 'web-reader');
    expect(analyzeWith(rbacRoleMissing, cluster.objects)[0]?.message).toBe(
      'RoleBinding shop/web-reader binds Role web-reader, which does not exist in namespace shop: its subjects get no permissions from it',
    );
  });

  it('reports a ClusterRoleBinding to a missing ClusterRole', () => {
    const cluster = healthyCluster();
    (cluster.find('ClusterRoleBinding', 'web-view') as unknown as { roleRef: { name: string } }).roleRef.name =
      'metrics-reader';
    expect(analyzeWith(rbacRoleMissing, cluster.objects).map((f) => f.id)).toEqual([
      'rbac-role-missing:clusterrolebinding/web-view',
    ]);
  });

  it('never reports a binding to a ClusterRole the API server creates itself (view, edit, admin, system:*)', () => {
    const cluster = healthyCluster().remove('ClusterRole', 'view');
    expect(analyzeWith(rbacRoleMissing, cluster.objects)).toEqual([]);
    (cluster.find('ClusterRoleBinding', 'web-view') as unknown as { roleRef: { name: string } }).roleRef.name =
      'system:auth-delegator';
    expect(analyzeWith(rbacRoleMissing, cluster.objects)).toEqual([]);
  });
});
