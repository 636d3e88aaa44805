import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { configMapMissing } from './configMapMissing.js';

describe('configmap-missing', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(configMapMissing, healthyCluster().objects)).toEqual([]);
  });

  it('reports a missing ConfigMap once per workload, on the Deployment', () => {
    const cluster = healthyCluster().remove('ConfigMap', 'web-config');
    const findings = analyzeWith(configMapMissing, cluster.objects);
    expect(findings.map((f) => f.id)).toEqual(['configmap-missing:deployment/shop/web:web-config']);
    expect(findings[0]).toMatchObject({ severity: 'CRITICAL', resource: { kind: 'Deployment', name: 'web' } });
    expect(findings[0]?.message).toBe(
      'Deployment shop/web references ConfigMap web-config (spec.containers[web].envFrom[0]), which does not exist: its containers cannot start',
    );
  });

  it('does not guess when ConfigMaps were not listed', () => {
    const cluster = healthyCluster().remove('ConfigMap', 'web-config');
    expect(
      configMapMissing.analyze(
        {
          cluster: 'x',
          takenAt: '2026-01-01T12:00:00Z',
          objects: { Pod: cluster.objects.filter((o) => o.kind === 'Pod') },
          errors: [],
        },
        { now: new Date() },
      ),
    ).toEqual([]);
  });
});
