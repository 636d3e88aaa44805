import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
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

  it('says when the Service lives in another namespace, and bridges it with an ExternalName Service', () => {
    const cluster = backend({ name: 'catalog', port: { number: 80 } });
    cluster.add(
      obj('v1', 'Service', 'catalog', 'products', { spec: { selector: { app: 'catalog' }, ports: [{ port: 80 }] } }),
    );
    const [finding] = analyzeWith(ingressBackendMissing, cluster.objects);
    expect(finding?.message).toMatch(
      /\(it exists in namespace products, and an Ingress reaches only Services of its own namespace\)$/,
    );
    expect(finding?.proposedFix?.command).toBe(
      'kubectl create service externalname catalog -n shop --external-name catalog.products.svc.cluster.local',
    );
  });
});
