import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { rbacClusterAdminBinding } from './rbacClusterAdminBinding.js';

describe('rbacClusterAdminBinding', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(rbacClusterAdminBinding, [
        obj(
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: { name: b }\nroleRef: { kind: Role, name: reader, apiGroup: rbac.authorization.k8s.io }',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj(
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: b }\nroleRef: { kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io }',
      ),
    ];
    const v = runKubeRule(rbacClusterAdminBinding, objs);
    expect(v.map((x) => x.path)).toEqual(['roleRef.name']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
