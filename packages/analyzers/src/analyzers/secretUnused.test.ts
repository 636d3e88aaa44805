import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { secretUnused } from './secretUnused.js';

describe('secret-unused', () => {
  it('reports nothing on a healthy cluster (TLS secret used by the Ingress), nor platform secrets', () => {
    const cluster = healthyCluster().add(
      obj('v1', 'Secret', 'sh.helm.release.v1.web.v1', 'shop', { type: 'helm.sh/release.v1' }),
      obj('v1', 'Secret', 'web-token', 'shop', { type: 'kubernetes.io/service-account-token' }),
    );
    expect(analyzeWith(secretUnused, cluster.objects)).toEqual([]);
  });

  it('reports a Secret nothing references', () => {
    const cluster = healthyCluster().add(obj('v1', 'Secret', 'old-api-key', 'shop', { type: 'Opaque' }));
    expect(analyzeWith(secretUnused, cluster.objects).map((f) => f.id)).toEqual([
      'secret-unused:secret/shop/old-api-key',
    ]);
  });

  it('counts ServiceAccount references', () => {
    const cluster = healthyCluster().add(obj('v1', 'Secret', 'pull', 'shop', { type: 'Opaque' }));
    (cluster.find('ServiceAccount', 'web') as Record<string, unknown>).imagePullSecrets = [{ name: 'pull' }];
    expect(analyzeWith(secretUnused, cluster.objects)).toEqual([]);
  });
});
