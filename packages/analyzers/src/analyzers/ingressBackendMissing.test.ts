import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { ingressBackendMissing } from './ingressBackendMissing.js';

function backend(service: Record<string, unknown>) {
  const cluster = healthyCluster();
  const spec = cluster.find('Ingress', 'web').spec as { rules: { http: { paths: { backend: unknown }[] } }[] };
  spec.rules[0]!.http.paths[0]!.backend = { service };
  return cluster;
}

describe('ingress-backend-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(ingressBackendMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a backend Service that does not exist', () => {
    const [finding] = analyzeWith(ingressBackendMissing, backend({ name: 'shop-web', port: { number: 80 } }).objects);
    expect(finding?.message).toBe(
      'Ingress shop/web routes to Service shop-web, which does not exist in namespace shop',
    );
    expect(finding?.evidence[0]?.source).toBe('ingress/shop/web spec.rules[0].http.paths[0].backend');
  });

  it('reports a port the Service does not expose', () => {
    const [finding] = analyzeWith(ingressBackendMissing, backend({ name: 'web', port: { number: 8080 } }).objects);
    expect(finding?.message).toBe('Ingress shop/web routes to port 8080 of Service web, which exposes only http');
  });
});
