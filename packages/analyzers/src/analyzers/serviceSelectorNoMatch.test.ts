import { describe, expect, it } from 'vitest';
import { analyzeWith, obj } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { serviceSelectorNoMatch } from './serviceSelectorNoMatch.js';

describe('service-selector-no-match', () => {
  it('reports nothing on a healthy cluster (selector-less Services included)', () => {
    expect(analyzeWith(serviceSelectorNoMatch, healthyCluster().objects)).toEqual([]);
  });

  it('reports a selector matching nothing and proposes the closest existing labels', () => {
    const cluster = healthyCluster().add(
      obj('v1', 'Service', 'shop-web', 'shop', { spec: { selector: { app: 'webb' }, ports: [{ port: 80 }] } }),
    );
    const [finding] = analyzeWith(serviceSelectorNoMatch, cluster.objects);
    expect(finding?.message).toBe('Service shop/shop-web selects no pod: no pod in namespace shop has labels app=webb');
    expect(finding?.proposedFix?.patch).toEqual({
      type: 'merge',
      body: { spec: { selector: { app: expect.any(String) } } },
    });
    expect(finding?.sensitive).toContain('webb');
  });

  it('suggests listing labels when no pod shares a key', () => {
    const cluster = healthyCluster().add(obj('v1', 'Service', 'x', 'shop', { spec: { selector: { role: 'none' } } }));
    expect(analyzeWith(serviceSelectorNoMatch, cluster.objects)[0]?.proposedFix?.command).toBe(
      'kubectl get pods -n shop --show-labels',
    );
  });
});
