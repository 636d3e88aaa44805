import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { rbacWildcard } from './rbacWildcard.js';

describe('rbacWildcard', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(rbacWildcard, [
        obj(
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules: [{ apiGroups: [""], resources: [pods], verbs: [get, list] }]',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj(
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: { name: r }\nrules: [{ apiGroups: ["*"], resources: [pods], verbs: ["*"] }]',
      ),
    ];
    const v = runKubeRule(rbacWildcard, objs);
    expect(v.map((x) => x.path)).toEqual(['rules[0].apiGroups', 'rules[0].verbs']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
