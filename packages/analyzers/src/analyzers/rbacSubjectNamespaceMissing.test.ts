import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { rbacSubjectNamespaceMissing } from './rbacSubjectNamespaceMissing.js';

describe('rbac-subject-namespace-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(rbacSubjectNamespaceMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a binding to a ServiceAccount of a namespace that does not exist, proposing the close one', () => {
    const cluster = healthyCluster();
    const binding = cluster.find('RoleBinding', 'web-reader') as unknown as { subjects: { namespace: string }[] };
    binding.subjects[0]!.namespace = 'shop-prod';
    const [finding] = analyzeWith(rbacSubjectNamespaceMissing, cluster.objects);
    expect(finding?.message).toBe(
      'RoleBinding shop/web-reader grants permissions to ServiceAccount web in namespace shop-prod, which does not exist (did you mean shop?)',
    );
    expect(finding?.proposedFix?.patch).toEqual({
      type: 'json',
      body: [{ op: 'replace', path: '/subjects/0/namespace', value: 'shop' }],
    });
  });
});
