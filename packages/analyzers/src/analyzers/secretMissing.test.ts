import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { secretMissing } from './secretMissing.js';

describe('secret-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(secretMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a missing Secret used in env', () => {
    const cluster = healthyCluster().remove('Secret', 'web-secret');
    const [finding] = analyzeWith(secretMissing, cluster.objects);
    expect(finding?.message).toBe(
      'Deployment shop/web references Secret web-secret (spec.containers[web].env[PASSWORD]), which does not exist: its containers cannot start',
    );
    expect(finding?.proposedFix?.command).toBe(
      'kubectl create secret generic web-secret -n shop --from-literal=<key>=<value>',
    );
  });

  it('reports a missing image pull secret as low severity', () => {
    const cluster = healthyCluster();
    (cluster.find('Pod', 'db-0').spec as Record<string, unknown>).imagePullSecrets = [{ name: 'regcred' }];
    expect(analyzeWith(secretMissing, cluster.objects)[0]).toMatchObject({
      severity: 'LOW',
      resource: { kind: 'StatefulSet', name: 'db' },
    });
    // An image pull secret is a docker-registry Secret: a generic one would not be used for pulls.
    expect(analyzeWith(secretMissing, cluster.objects)[0]?.proposedFix?.command).toMatch(
      /^kubectl create secret docker-registry regcred -n shop /,
    );
  });
});
