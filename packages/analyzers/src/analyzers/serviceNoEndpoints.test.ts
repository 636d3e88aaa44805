import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { serviceNoEndpoints } from './serviceNoEndpoints.js';

function unreadyPods() {
  const cluster = healthyCluster();
  for (const name of ['web-5d8f7-abcde', 'web-5d8f7-fghij']) {
    (cluster.find('Pod', name).status as { conditions: unknown[] }).conditions = [{ type: 'Ready', status: 'False' }];
  }
  cluster.find('Endpoints', 'web').subsets = [{ notReadyAddresses: [{ ip: '10.244.1.7' }], ports: [{ port: 8080 }] }];
  return cluster;
}

describe('service-no-endpoints', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(serviceNoEndpoints, healthyCluster().objects)).toEqual([]);
  });

  it('reports a Service whose selected pods are all unready', () => {
    const [finding, ...rest] = analyzeWith(serviceNoEndpoints, unreadyPods().objects);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe('Service shop/web has no ready endpoints: none of the 2 pods it selects is ready');
    expect(finding?.evidence.map((e) => e.detail)).toContain(
      'web-5d8f7-abcde Ready=False, web-5d8f7-fghij Ready=False',
    );
  });

  it('falls back to pod readiness when Endpoints were not listed', () => {
    const cluster = unreadyPods().remove('Endpoints', 'web').remove('Endpoints', 'db');
    expect(analyzeWith(serviceNoEndpoints, cluster.objects).map((f) => f.resource.name)).toEqual(['web']);
  });
});
