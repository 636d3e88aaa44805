import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { resourceQuotaNearLimit } from './resourceQuotaNearLimit.js';

function used(values: Record<string, string>) {
  const cluster = healthyCluster();
  const quota = cluster.find('ResourceQuota', 'compute');
  (quota.status as { used: Record<string, string> }).used = values;
  return cluster;
}

describe('resourcequota-near-limit', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(resourceQuotaNearLimit, healthyCluster().objects)).toEqual([]);
  });

  it('reports an exhausted quota with a raised limit', () => {
    const [finding] = analyzeWith(resourceQuotaNearLimit, used({ pods: '20', 'requests.cpu': '1' }).objects);
    expect(finding).toMatchObject({ severity: 'HIGH', id: 'resourcequota-near-limit:resourcequota/shop/compute:pods' });
    expect(finding?.message).toBe(
      'ResourceQuota shop/compute is exhausted for pods: 20 of 20 used (100%); new objects needing it are refused',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { hard: { pods: '30' } } } });
  });

  it('reports a quota above 90% with quantities', () => {
    const [finding] = analyzeWith(resourceQuotaNearLimit, used({ pods: '1', 'requests.cpu': '3800m' }).objects);
    expect(finding).toMatchObject({ severity: 'MEDIUM' });
    expect(finding?.message).toContain('nearly exhausted for requests.cpu: 3800m of 4 used (95%)');
  });
});
