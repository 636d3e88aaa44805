import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { ingressTlsSecretMissing } from './ingressTlsSecretMissing.js';

describe('ingress-tls-secret-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(ingressTlsSecretMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a TLS secret that does not exist', () => {
    const cluster = healthyCluster().remove('Secret', 'web-tls');
    const [finding] = analyzeWith(ingressTlsSecretMissing, cluster.objects);
    expect(finding?.message).toBe(
      'Ingress shop/web uses TLS Secret web-tls for shop.example.com, which does not exist',
    );
    expect(finding?.proposedFix?.command).toBe(
      'kubectl create secret tls web-tls -n shop --cert=tls.crt --key=tls.key',
    );
    expect(finding?.sensitive).toContain('shop.example.com');
  });

  it('reports a secret of the wrong type', () => {
    const cluster = healthyCluster();
    (cluster.find('Secret', 'web-tls') as Record<string, unknown>).type = 'Opaque';
    expect(analyzeWith(ingressTlsSecretMissing, cluster.objects)[0]).toMatchObject({ severity: 'MEDIUM' });
  });
});
