import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { ingressClassMissing } from './ingressClassMissing.js';

describe('ingress-class-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(ingressClassMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports an IngressClass that does not exist and proposes an existing one', () => {
    const cluster = healthyCluster();
    (cluster.find('Ingress', 'web').spec as Record<string, unknown>).ingressClassName = 'traefik';
    const [finding] = analyzeWith(ingressClassMissing, cluster.objects);
    expect(finding?.message).toBe(
      'Ingress shop/web uses IngressClass "traefik", which does not exist: no controller serves it',
    );
    expect(finding?.proposedFix?.patch).toEqual({ type: 'merge', body: { spec: { ingressClassName: 'nginx' } } });
  });

  it('reports an Ingress without class when no class is the default', () => {
    const cluster = healthyCluster();
    delete (cluster.find('Ingress', 'web').spec as Record<string, unknown>).ingressClassName;
    expect(analyzeWith(ingressClassMissing, cluster.objects)[0]?.message).toContain('names no IngressClass');
    cluster.find('IngressClass', 'nginx').metadata.annotations = {
      'ingressclass.kubernetes.io/is-default-class': 'true',
    };
    expect(analyzeWith(ingressClassMissing, cluster.objects)).toEqual([]);
  });
});
