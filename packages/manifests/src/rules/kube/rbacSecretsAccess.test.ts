import { describe, expect, it } from 'vitest';
import { obj, runKubeRule } from '../testing/kubeTesting.js';
import { rbacSecretsAccess } from './rbacSecretsAccess.js';

describe('rbacSecretsAccess', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(rbacSecretsAccess, [
        obj(
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules: [{ apiGroups: [""], resources: [secrets], resourceNames: [tls], verbs: [get] }]',
        ),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const objs = [
      obj(
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r }\nrules: [{ apiGroups: [""], resources: [configmaps] , verbs: [get] }, { apiGroups: [""], resources: [secrets], verbs: [list] }]',
      ),
    ];
    const v = runKubeRule(rbacSecretsAccess, objs);
    expect(v.map((x) => x.path)).toEqual(['rules[1]']);
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
