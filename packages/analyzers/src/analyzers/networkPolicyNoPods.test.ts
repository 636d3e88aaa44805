import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { networkPolicyNoPods } from './networkPolicyNoPods.js';

describe('networkpolicy-no-pods', () => {
  it('reports nothing on a healthy cluster or for a policy over all pods', () => {
    const cluster = healthyCluster().add(
      obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', 'shop', { spec: { podSelector: {} } }),
    );
    expect(analyzeWith(networkPolicyNoPods, cluster.objects)).toEqual([]);
  });

  it('reports a policy whose selector matches no pod', () => {
    const cluster = healthyCluster();
    (cluster.find('NetworkPolicy', 'web-ingress').spec as Record<string, unknown>).podSelector = {
      matchLabels: { app: 'wbe' },
    };
    expect(analyzeWith(networkPolicyNoPods, cluster.objects)[0]?.message).toBe(
      'NetworkPolicy shop/web-ingress selects no pod (app=wbe): it restricts nothing',
    );
  });
});
